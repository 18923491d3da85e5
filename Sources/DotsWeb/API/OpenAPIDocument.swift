/// The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.
enum OpenAPIDocument {
    static let json = """
        {
          "openapi": "3.1.0",
          "info": {"title": "Dots API", "version": "1", "description": "The partnership framework's figures as the pages show them, agencies' submissions and their data quality, and the partnership's method (data maturity, the data map, action plans, data leads meetings). Strategic leads and other non-analyst roles receive disclosure-controlled figures (c, z, :). Agency data leads see and submit only their own agency's data. With a session cookie, POST requests need the X-CSRF-Token header; with an API token they do not."},
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
              "Problems": {"type": "object", "description": "Input refused: every problem, by field, as the web form shows them", "properties": {"problems": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}}},
              "DataMapInput": {"type": "object", "properties": {
                "agencyID": {"type": "string", "description": "Ignored for agency data leads (always their own)"}, "name": {"type": "string"},
                "dataset": {"type": "string", "description": "A Dots dataset id, or empty"}, "informs": {"type": "array", "items": {"type": "string"}, "description": "Framework question ids"},
                "system": {"type": "string"}, "recorded": {"type": "string"}, "recordingMethod": {"type": "string", "enum": ["structured", "mixed", "free-text"]},
                "coverage": {"type": "string"}, "coverageFrom": {"type": "string", "format": "date"}, "coverageTo": {"type": "string", "format": "date"},
                "refresh": {"type": "string", "enum": ["live", "daily", "weekly", "monthly", "quarterly", "annually", "ad-hoc"]}, "access": {"type": "string"},
                "sharingAgreement": {"type": "string"}, "lawfulBasis": {"type": "string", "enum": ["public-task", "legal-obligation", "vital-interests", "legitimate-interests", "consent", "contract", "not-known"]},
                "qualityIssues": {"type": "string"}, "owner": {"type": "string"}}},
              "ActionInput": {"type": "object", "properties": {
                "title": {"type": "string"}, "detail": {"type": "string"}, "agencyID": {"type": "string", "description": "Empty for a partnership action; ignored for agency data leads"},
                "ownerID": {"type": "string", "description": "An account id, or empty with ownerName"}, "ownerName": {"type": "string"}, "due": {"type": "string", "format": "date"},
                "promptKind": {"type": "string", "enum": ["maturity-area", "data-quality", "data-gap", "question", "indicator", "meeting", "other"]},
                "promptReference": {"type": "string"}, "promptText": {"type": "string"}, "suggestionKey": {"type": "string", "description": "To accept a suggestion"}, "meetingID": {"type": "string"}}},
              "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}}
            }
          },
          "security": [{"apiToken": []}, {"session": []}],
          "paths": {
            "/api/v1/framework": {"get": {"summary": "Every strategic question with its indicators' latest figures and gaps",
              "parameters": [{"$ref": "#/components/parameters/partnership"}, {"$ref": "#/components/parameters/area"}, {"$ref": "#/components/parameters/period"}],
              "responses": {"200": {"description": "The overview; disclosureControl says in words what was applied to the figures (null for exact figures)"}, "401": {"description": "Not signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
            "/api/v1/framework/indicators/{id}": {"get": {"summary": "One indicator's trend and breakdowns",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"$ref": "#/components/parameters/partnership"}, {"$ref": "#/components/parameters/area"}, {"$ref": "#/components/parameters/period"},
                {"name": "within", "in": "query", "required": false, "schema": {"type": "string"}, "description": "A district's ONS code: for an indicator broken down by lsoa, that district's LSOAs are among the breakdowns (financial years only)"}],
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
              "responses": {"200": {"description": "The trend", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/DatasetQuality"}}}}}, "404": {"description": "No such agency and dataset you can see"}}}},
            "/api/v1/maturity": {"get": {"summary": "A round's data-maturity results: each agency's level per area (submitted assessments only), change since the previous round, areas strongest first. No overall score.",
              "parameters": [{"name": "round", "in": "query", "schema": {"type": "string"}, "description": "A round id; the newest round when absent"}],
              "responses": {"200": {"description": "The heatmap"}, "404": {"description": "No such round"}}}},
            "/api/v1/maturity/{agency}": {
              "get": {"summary": "One agency's assessment: its working draft for those who may edit it, else its last submission",
                "parameters": [{"name": "agency", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "round", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The assessment"}, "404": {"description": "None in this round"}}},
              "put": {"summary": "Save an agency's answers as a draft, or submit them (submit: true; every question then needs a level or dontKnow)",
                "parameters": [{"name": "agency", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "round", "in": "query", "schema": {"type": "string"}}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {
                  "answers": {"type": "array", "items": {"type": "object", "properties": {"questionID": {"type": "string"}, "level": {"type": "integer", "minimum": 1, "maximum": 5}, "dontKnow": {"type": "boolean"}, "evidence": {"type": "string"}}}},
                  "submit": {"type": "boolean"}}}}}},
                "responses": {"200": {"description": "Saved"}, "422": {"description": "Refused", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problems"}}}}, "403": {"description": "Not your agency"}}}},
            "/api/v1/datamap": {
              "get": {"summary": "The partnership data map", "parameters": [{"name": "agency", "in": "query", "schema": {"type": "string"}}], "responses": {"200": {"description": "Datasets held"}}},
              "post": {"summary": "Record a dataset on the data map", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DataMapInput"}}}},
                "responses": {"201": {"description": "Recorded"}, "422": {"description": "Refused", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problems"}}}}}}},
            "/api/v1/datamap/{id}": {"put": {"summary": "Change a dataset on the data map (the holding agency stays)",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DataMapInput"}}}},
              "responses": {"200": {"description": "Saved"}, "422": {"description": "Refused", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problems"}}}}, "403": {"description": "Not your agency"}, "404": {"description": "No such dataset"}}},
              "delete": {"summary": "Remove a dataset from the data map (the agency no longer holds it, or it was recorded by mistake)",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
              "responses": {"204": {"description": "Removed"}, "403": {"description": "Not your agency"}, "404": {"description": "No such dataset"}}}},
            "/api/v1/datamap/coverage": {"get": {"summary": "For each strategic question, the datasets that could answer it: submitted, held but not submitted, or not held",
              "responses": {"200": {"description": "Coverage by question"}}}},
            "/api/v1/actions": {
              "get": {"summary": "Actions in one view of the plan", "parameters": [{"name": "view", "in": "query", "schema": {"type": "string", "enum": ["mine", "agency", "partnership", "overdue", "all"]}}, {"name": "agency", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"description": "Actions, open first then by due date"}}},
              "post": {"summary": "Add an action (accept a suggestion by giving its suggestionKey)", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActionInput"}}}},
                "responses": {"201": {"description": "Added"}, "422": {"description": "Refused", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problems"}}}}}}},
            "/api/v1/actions/suggestions": {"get": {"summary": "Actions Dots suggests from low maturity, data gaps and poor data quality, not yet accepted", "responses": {"200": {"description": "Suggestions"}}}},
            "/api/v1/actions/{id}": {
              "get": {"summary": "One action with its history", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "The action"}, "404": {"description": "No such action"}}},
              "patch": {"summary": "A progress update: a note, and perhaps a new status (done or dropped closes it) or due date",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"note": {"type": "string"}, "status": {"type": "string", "enum": ["not-started", "in-progress", "blocked", "done", "dropped"]}, "due": {"type": "string", "format": "date"}}}}}},
                "responses": {"200": {"description": "Updated"}, "422": {"description": "Refused", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problems"}}}}, "403": {"description": "Not yours to update"}}}},
            "/api/v1/meetings": {
              "get": {"summary": "Data leads meetings, newest first", "responses": {"200": {"description": "Meetings"}}},
              "post": {"summary": "Record a data leads meeting", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {
                  "title": {"type": "string"}, "heldOn": {"type": "string", "format": "date"}, "attendees": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Agency id to the names or posts who came"},
                  "notes": {"type": "string"}, "decisions": {"type": "string", "description": "One per line"}}}}}},
                "responses": {"201": {"description": "Recorded"}, "422": {"description": "Refused", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problems"}}}}}}}
          }
        }
        """
}
