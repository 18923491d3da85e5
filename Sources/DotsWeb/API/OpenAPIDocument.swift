/// The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.
enum OpenAPIDocument {
    static let json = """
    {
      "openapi": "3.1.0",
      "info": {"title": "Dots API", "version": "1", "description": "The partnership framework's figures as the pages show them. Strategic leads and other non-analyst roles receive disclosure-controlled figures (c, z, :)."},
      "components": {
        "securitySchemes": {
          "apiToken": {"type": "http", "scheme": "bearer", "description": "An API token issued with `dots token issue`."},
          "session": {"type": "apiKey", "in": "cookie", "name": "dots_session"}
        },
        "parameters": {
          "partnership": {"name": "partnership", "in": "query", "schema": {"type": "string", "enum": ["joint-scp", "staffs-scp", "stoke-scp", "joint-ce"]}},
          "area": {"name": "area", "in": "query", "schema": {"type": "string"}, "description": "all, or an ONS local authority code inside the partnership"},
          "period": {"name": "period", "in": "query", "schema": {"type": "string", "enum": ["month", "quarter", "financial-year", "rolling-12-months"]}}
        },
        "schemas": {
          "Figure": {"type": "object", "properties": {
            "period": {"type": "string"}, "periodKind": {"type": "string"}, "scope": {"type": "string"}, "breakdown": {"type": "string"},
            "group": {"type": "string"}, "stat": {"type": "string"}, "numerator": {"type": "string"}, "denominator": {"type": "string"},
            "value": {"type": "string", "description": "A number, or c (hidden), z (not applicable), : (not available)"}, "status": {"type": "string"}}},
          "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}}
        }
      },
      "security": [{"apiToken": []}, {"session": []}],
      "paths": {
        "/api/v1/framework": {"get": {"summary": "Every strategic question with its indicators' latest figures and gaps",
          "parameters": [{"$ref": "#/components/parameters/partnership"}, {"$ref": "#/components/parameters/area"}, {"$ref": "#/components/parameters/period"}],
          "responses": {"200": {"description": "The overview"}, "401": {"description": "Not signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
        "/api/v1/framework/indicators/{id}": {"get": {"summary": "One indicator's trend and breakdowns",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"$ref": "#/components/parameters/partnership"}, {"$ref": "#/components/parameters/area"}, {"$ref": "#/components/parameters/period"}],
          "responses": {"200": {"description": "The indicator"}, "404": {"description": "No such indicator"}}}}
      }
    }
    """
}
