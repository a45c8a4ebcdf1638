// Starts Swagger UI on the API reference page (/api/v1/docs). A file of its own, not an inline
// script, so that the Content-Security-Policy can stay at script-src 'self'.
window.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('swagger-ui');
  // eslint-disable-next-line no-undef
  SwaggerUIBundle({
    url: root.dataset.url,
    domNode: root,
    deepLinking: true,
    // Calls from "Try it out" carry the session cookie of the logged-in user.
    withCredentials: true,
    defaultModelsExpandDepth: 1,
    displayRequestDuration: true,
  });
});
