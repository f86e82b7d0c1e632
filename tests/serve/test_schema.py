"""`svodka serve`'s API against its own OpenAPI schema: schemathesis generates requests from
the schema (valid ones, and invalid ones that must be refused with a 4xx), in process over
ASGI, and checks every answer against the schema: no 500, documented status codes, content
types and bodies. Bounded: a few dozen examples an operation, no deadline per example."""
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from svodka.dataset.store import FTS_SYNTAX
from svodka.serve.app import allowed_hosts, create_app
from tests.serve.test_api import build_store

# the operations without a query parameter have no invalid request to make
WITH_QUERY = ["GET /api/events", "GET /api/documents", "GET /api/aggregates", "GET /api/export"]
OPERATIONS = ["GET /api/events", "GET /api/events/{id}", "GET /api/documents", "GET /api/documents/{id}",
              "GET /api/places", "GET /api/sources", "GET /api/aggregates", "GET /api/info", "GET /api/export"]
EXAMPLES = 60


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    # schemathesis' ASGI client names its host "testserver"
    app = create_app(build_store(tmp_path_factory.mktemp("schema") / "svodka.db"), allowed_hosts(None, ["testserver"]))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_the_schema_lists_every_operation(api_schema):
    assert sorted(result.ok().label for result in api_schema.get_all_operations()) == sorted(OPERATIONS)


@pytest.mark.slow
@pytest.mark.parametrize(("label", "mode"), [*((label, GenerationMode.POSITIVE) for label in OPERATIONS),
                                             *((label, GenerationMode.NEGATIVE) for label in WITH_QUERY)])
def test_the_api_answers_as_its_schema_says(api_schema, label, mode):
    operation = next(r.ok() for r in api_schema.get_all_operations() if r.ok().label == label)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def answers(case):
        # full-text syntax passes through to SQLite's FTS5, which may refuse it: a 422 by design
        fts_syntax = FTS_SYNTAX.search(str((case.query or {}).get("q", "")))
        case.call_and_validate(excluded_checks=[positive_data_acceptance] if fts_syntax else [])

    answers()
