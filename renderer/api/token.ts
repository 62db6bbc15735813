/**
 * The web host's session token: it arrives once as `?token=` in the page URL, is kept in
 * sessionStorage (so reloads work) and removed from the address bar (so it is not bookmarked,
 * shared or shown in screenshots).
 */
const storageKey = 'cepheus.token';

export function takeTokenFromUrl(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(storageKey, fromUrl);
    } catch {
      // Without storage the token still works until the next reload.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.toString());
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
