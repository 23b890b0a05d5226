from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark tooling (seed_bench, the query-count header); installed only by bench settings."""

    name = "bench"
    default_auto_field = "django.db.models.BigAutoField"
