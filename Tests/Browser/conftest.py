def pytest_configure(config):
    config.addinivalue_line(
        "markers", "both_engines: run again against a server on PostgreSQL when scripts/browser-tests has one (DOTS_TEST_POSTGRES_URL)")
