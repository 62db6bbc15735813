/** What a lazily loaded part of the UI (an editor, a dialog, the replay panel) shows while its code loads. */
export function LazyLoading({ what }: { what: string }) {
  return (
    <div className="lazy-loading" role="status">
      Loading {what}…
    </div>
  );
}
