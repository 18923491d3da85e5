/// The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.
enum OpenAPIDocument {
    static let json = """
    {
      "openapi": "3.1.0",
      "info": {"title": "Dots API", "version": "1", "description": "The partnership framework's figures as the pages show them, agencies' submissions and their data quality. Strategic leads and other non-analyst roles receive disclosure-controlled figures (c, z, :). Agency data leads see and submit only their own agency's data. With a session cookie, POST requests need the X-CSRF-Token header; with an API token they do not."},
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
          "Issue": {"type": "object", "properties": {
            "code": {"type": "string"}, "severity": {"type": "string", "enum": ["error", "warning"]}, "file": {"type": "string"},
            "row": {"type": "integer", "description": "As a spreadsheet numbers it: the header is row 1"}, "column": {"type": "string"},
            "value": {"type": "string", "description": "Never given for identifier columns"}, "rule": {"type": "string"}, "fix": {"type": "string"}}},
          "Upload": {"type": "object", "properties": {
            "upload": {"type": "object", "properties": {"id": {"type": "string"}, "agency": {"type": "string"}, "label": {"type": "string"},
              "receivedAt": {"type": "string"}, "submittedBy": {"type": "string"}, "accepted": {"type": "boolean"}, "rows": {"type": "integer"},
              "errorCount": {"type": "integer"}, "warningCount": {"type": "integer"}}},
            "report": {"type": "object", "properties": {"files": {"type": "array", "items": {"type": "object"}}, "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}}}}}},
          "DatasetQuality": {"type": "object", "properties": {
            "agency": {"type": "string"}, "dataset": {"type": "string"}, "submission": {"type": "string"}, "status": {"type": "string"}, "rows": {"type": "integer"},
            "completeness": {"type": ["number", "null"]}, "validity": {"type": ["number", "null"]}, "consistency": {"type": ["number", "null"]},
            "uniqueness": {"type": ["number", "null"]}, "timeliness": {"type": ["number", "null"]}, "medianLagDays": {"type": ["integer", "null"]},
            "fieldsToFix": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "mainIssue": {"type": "string"}, "errors": {"type": "integer"}, "blanks": {"type": "integer"}}}}}},
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
          "responses": {"200": {"description": "The indicator"}, "404": {"description": "No such indicator"}}}},
        "/api/v1/submissions": {
          "get": {"summary": "The newest 500 uploads and the datasets in force, for the caller's agency or all (each report stays reachable by its id)",
            "responses": {"200": {"description": "The intake log"}, "403": {"description": "The role does not see submissions"}}},
          "post": {"summary": "Submit an extract or a prepared package: checked, then loaded whole or not at all",
            "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "properties": {
              "files[]": {"type": "array", "items": {"type": "string", "format": "binary"}, "description": "CSV files, or datapackage.json and the CSVs it lists"},
              "period": {"type": "string", "description": "Optional, e.g. 2025-26, 2025-26 Q2, 2025-07"},
              "agency": {"type": "string", "description": "Admins only; an agency data lead always submits for their own agency"}}}}}},
            "responses": {"201": {"description": "Accepted and loaded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Upload"}}}},
              "422": {"description": "Refused: nothing loaded; the report lists every problem", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Upload"}}}},
              "403": {"description": "The role may not submit"}}}},
        "/api/v1/submissions/reports/{id}": {"get": {"summary": "One upload's full intake report",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
          "responses": {"200": {"description": "The report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Upload"}}}}, "404": {"description": "No such report you can see"}}}},
        "/api/v1/quality": {"get": {"summary": "Data quality of every dataset in force",
          "responses": {"200": {"description": "One entry per agency and dataset", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/DatasetQuality"}}}}}}}},
        "/api/v1/quality/{agency}/{dataset}": {"get": {"summary": "Data quality of every submission of one dataset, newest first",
          "parameters": [{"name": "agency", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "dataset", "in": "path", "required": true, "schema": {"type": "string"}}],
          "responses": {"200": {"description": "The trend", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/DatasetQuality"}}}}}, "404": {"description": "No such agency and dataset you can see"}}}}
      }
    }
    """
}
