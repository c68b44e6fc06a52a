/**
 * The app's browser entry (`vtt-app.js`): registers every element and
 * `<vtt-app>`, and the service worker that makes the app installable.
 */
import '../elements/index.js';
import './vtt-app.js';

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
