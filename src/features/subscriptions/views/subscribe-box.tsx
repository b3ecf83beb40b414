/** The invitation on the news list; the form itself lives on its own page so /news stays cacheable. */
export const SubscribeBox = () => (
  <aside class="callout subscribe-box" aria-labelledby="subscribe-box-title">
    <h2 id="subscribe-box-title">News by e-mail</h2>
    <p>
      Get each new article in your inbox. <a href="/news/subscribe">Subscribe to the news</a>; you can leave
      with one click at any time.
    </p>
  </aside>
);
