/** The app's pages, from `location.pathname`. */
export type AppRoute =
  | { readonly page: 'campaigns' }
  | { readonly page: 'new-campaign' }
  | { readonly page: 'setup' }
  | { readonly page: 'login' }
  | { readonly page: 'join' }
  | { readonly page: 'table'; readonly campaignId: string }
  | { readonly page: 'manage'; readonly campaignId: string };

/**
 * The route of a path: `/`, `/new`, `/setup`, `/login`, `/join` (or
 * `/invite`), `/c/<campaign id>` (the table) and `/c/<id>/manage`; anything
 * else is the campaign list.
 *
 * @example
 * parseRoute('/c/1b9d.../manage'); // { page: 'manage', campaignId: '1b9d...' }
 */
export function parseRoute(pathname: string): AppRoute {
  const parts = pathname.split('/').filter((p) => p !== '');
  const [first, second, third] = parts;
  if (first === 'setup') return { page: 'setup' };
  if (first === 'login') return { page: 'login' };
  if (first === 'join' || first === 'invite') return { page: 'join' };
  if (first === 'new') return { page: 'new-campaign' };
  if (first === 'c' && second !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(second)) {
    return third === 'manage'
      ? { page: 'manage', campaignId: second }
      : { page: 'table', campaignId: second };
  }
  return { page: 'campaigns' };
}

/** The path of a route, for `history.pushState`. */
export function routePath(route: AppRoute): string {
  switch (route.page) {
    case 'campaigns':
      return '/';
    case 'new-campaign':
      return '/new';
    case 'table':
      return `/c/${encodeURIComponent(route.campaignId)}`;
    case 'manage':
      return `/c/${encodeURIComponent(route.campaignId)}/manage`;
    default:
      return `/${route.page}`;
  }
}
