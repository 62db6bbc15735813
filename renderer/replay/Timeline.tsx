/**
 * The whole recording at a glance (SVG): live partial matches over time as an area, match and
 * timeout markers, the watermark's lag behind event time, and the current position. Click to jump,
 * drag to scrub; hovering a marker names it (a click then goes exactly to it). The back end buckets
 * long recordings; the caption says "showing N of M". The drawing is memoized on the data, so a step
 * only moves the cursor.
 */
import { memo, useRef, useState, type PointerEvent } from 'react';
import type { TimelineData } from '../../electron/contract';
import { eventLabel } from '../../engine/debug/event-label';
import { formatCount, formatTime } from '../recordings/format';

const HEIGHT = 64;
const WIDTH = 1000;
/** How near (in screen pixels) the pointer must be to a marker to pick it. */
const MARKER_REACH_PX = 5;

type Marker = TimelineData['markers'][number];

export interface TimelineProps {
  data: TimelineData | null;
  position: number;
  total: number;
  analysis: { done: number; total: number } | null;
  /** A click or the end of a drag. */
  onSeek: (position: number) => void;
  /** Positions passed while dragging (the newest wins; earlier ones may be skipped). */
  onScrub: (position: number) => void;
}

const TimelineDrawing = memo(function TimelineDrawing({
  data,
  total,
}: {
  data: TimelineData | null;
  total: number;
}) {
  const x = (p: number) => (total > 0 ? (p / total) * WIDTH : 0);
  const buckets = data?.buckets ?? [];
  const maxLive = Math.max(1, ...buckets.map((b) => b.liveMax));
  const y = (live: number) => HEIGHT - 6 - (live / maxLive) * (HEIGHT - 16);
  const area =
    buckets.length > 0
      ? `M${x(buckets[0]?.fromPosition ?? 0)},${HEIGHT - 6} ` +
        buckets
          .map((b) => `L${x(b.fromPosition)},${y(b.liveMax)} L${x(b.toPosition)},${y(b.liveMax)}`)
          .join(' ') +
        ` L${x(buckets[buckets.length - 1]?.toPosition ?? 0)},${HEIGHT - 6} Z`
      : '';
  // Watermark lag: how far event time runs ahead of the watermark, scaled to the largest lag.
  const lags = buckets.map((b) =>
    b.ts !== null && b.watermark !== null ? Math.max(0, b.ts - b.watermark) : null,
  );
  const maxLag = Math.max(1, ...lags.map((l) => l ?? 0));
  const lagPath = buckets
    .map((b, i) => {
      const lag = lags[i];
      return lag === null || lag === undefined
        ? null
        : `${x((b.fromPosition + b.toPosition) / 2)},${8 + (lag / maxLag) * 14}`;
    })
    .filter((p): p is string => p !== null);
  // One path per marker kind: thousands of markers stay two DOM nodes.
  const ticks = (kind: Marker['kind']) =>
    (data?.markers ?? [])
      .filter((m) => m.kind === kind)
      .map((m) => `M${x(m.position)},${HEIGHT - 12} V${HEIGHT}`)
      .join(' ');
  return (
    <>
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="timeline-bg" />
      {area && <path d={area} className="timeline-live" />}
      {lagPath.length > 1 && <polyline points={lagPath.join(' ')} className="timeline-watermark" />}
      <path d={ticks('match')} className="timeline-match" data-testid="timeline-matches" />
      <path d={ticks('timeout')} className="timeline-timeout" data-testid="timeline-timeouts" />
    </>
  );
});

function markerText(m: Marker): string {
  const what = m.kind === 'match' ? 'Match' : 'Timeout';
  const key = m.key !== '' ? ` · key ${m.key}` : '';
  const at = m.seq !== null ? `at event ${eventLabel(m.seq)}` : 'at the end of input';
  return `${what}${key} · ${formatTime(m.ts)} · ${at}`;
}

export function Timeline({ data, position, total, analysis, onSeek, onScrub }: TimelineProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const [hover, setHover] = useState<{ marker: Marker; left: number } | null>(null);

  const at = (e: PointerEvent<SVGSVGElement>): { ratio: number; px: number; width: number } | null => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || total === 0) return null;
    const px = Math.min(rect.width, Math.max(0, e.clientX - rect.left));
    return { ratio: px / rect.width, px, width: rect.width };
  };
  const nearestMarker = (px: number, width: number): Marker | null => {
    let best: Marker | null = null;
    let bestD = MARKER_REACH_PX + 1;
    for (const m of data?.markers ?? []) {
      const d = Math.abs((m.position / total) * width - px);
      if (d < bestD) {
        best = m;
        bestD = d;
      }
    }
    return best;
  };
  const target = (e: PointerEvent<SVGSVGElement>): number | null => {
    const p = at(e);
    if (!p) return null;
    const m = dragging.current ? null : nearestMarker(p.px, p.width);
    return m ? m.position : Math.round(p.ratio * total);
  };

  const caption = !data
    ? 'Analysing the recording…'
    : `${data.complete ? '' : `Analysing… ${analysis ? Math.round((analysis.done / Math.max(1, analysis.total)) * 100) : 0}% · `}` +
      `showing ${formatCount(data.shownPoints)} of ${formatCount(data.totalSamples)} points` +
      (data.stepsPerSample > 1 ? ` (1 per ${formatCount(data.stepsPerSample)} steps)` : '') +
      ` · ${formatCount(data.shownMarkers)} of ${formatCount(data.totalMarkers)} markers`;
  const maxLive = Math.max(1, ...(data?.buckets ?? []).map((b) => b.liveMax));
  const cursorX = total > 0 ? (position / total) * WIDTH : 0;

  return (
    <div className="timeline" data-testid="replay-timeline">
      <div className="timeline-frame">
        <svg
          ref={svgRef}
          className="timeline-svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="slider"
          aria-label="Replay position (drag to scrub)"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={position}
          tabIndex={-1}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            e.currentTarget.setPointerCapture(e.pointerId);
            const t = target(e);
            dragging.current = true;
            setHover(null);
            if (t !== null) onScrub(t);
          }}
          onPointerMove={(e) => {
            if (dragging.current) {
              const t = target(e);
              if (t !== null) onScrub(t);
              return;
            }
            const p = at(e);
            const m = p ? nearestMarker(p.px, p.width) : null;
            setHover(m && p ? { marker: m, left: (m.position / total) * p.width } : null);
          }}
          onPointerUp={(e) => {
            if (!dragging.current) return;
            dragging.current = false;
            e.currentTarget.releasePointerCapture(e.pointerId);
            const t = target(e);
            if (t !== null) onSeek(t);
          }}
          onPointerLeave={() => setHover(null)}
        >
          <TimelineDrawing data={data} total={total} />
          <line x1={cursorX} x2={cursorX} y1={0} y2={HEIGHT} className="timeline-cursor" />
        </svg>
        {hover && (
          <div
            className="timeline-tip"
            role="tooltip"
            data-testid="timeline-tooltip"
            style={{ left: hover.left }}
          >
            {markerText(hover.marker)}
          </div>
        )}
      </div>
      <div className="timeline-caption" data-testid="timeline-caption">
        <span className="legend legend-live">live partial matches (peak {formatCount(maxLive)})</span>
        <span className="legend legend-match">match</span>
        <span className="legend legend-timeout">timeout</span>
        <span className="legend legend-watermark">watermark lag</span>
        <span className="timeline-count">{caption}</span>
      </div>
    </div>
  );
}
