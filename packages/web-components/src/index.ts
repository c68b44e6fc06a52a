/**
 * `@vtt/web-components`: the browser side of the virtual tabletop. The
 * `VttClient` keeps a table's state in the browser; the Lit elements show it
 * and each works alone, so an embedder can drop one into any page.
 */
export {};
