// A screen's device token: given once in the URL (?token=…) when the screen is set up, then kept in
// localStorage and removed from the address bar so it is not shown on the screen or in photos of it.
export function deviceToken(kind: string): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  const key = `hall.token.${kind}`;
  if (fromUrl) {
    localStorage.setItem(key, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return localStorage.getItem(key);
}
