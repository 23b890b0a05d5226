"""The peers' query-count middleware: every response says how many SQL queries it took.

First in MIDDLEWARE (bench settings only), so the count covers sessions,
authentication and every other middleware, exactly as the peers count.
"""

from django.db import connection


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def count_query(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count_query):
            response = self.get_response(request)
        response["X-DB-Queries"] = str(count)
        return response
