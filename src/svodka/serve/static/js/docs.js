// The API docs page: Swagger UI vendored under /static/vendor, so /docs needs no network.
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
