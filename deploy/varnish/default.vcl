# Varnish in front of the awards site (tests_system/test_varnish.py runs it).
#
#   varnishd -a :6081 -f /etc/varnish/default.vcl -s malloc,256m
#
# What is cached is the site's decision, not this file's: anonymous page views
# carry "Cache-Control: public, s-maxage=..." and "Vary: Cookie"; signed-in ones
# are "private, no-store"; the admin, accounts and entry views are never cacheable.
# Varnish's built-in VCL (which runs after each subroutine here that does not
# return) already honours that: it passes any request with a Cookie or
# Authorization header, never stores a response that sets a cookie, and keeps a
# response for its s-maxage. Publishing or unpublishing a page in Wagtail sends
# PURGE for its URL, and any change to published content (a page, a snippet, the
# site settings) sends BAN, which drops every page of that Host
# (DJANGO_FRONTEND_CACHE_URL=http://<this varnish>:6081).
vcl 4.1;

import std;

# The app server (gunicorn). One backend per app server, or a director, when
# there are several; the tests replace the port.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may purge: the app servers and the background worker (which sends the
# purges when DJANGO_TASKS_BACKEND is the database worker). Add their addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # No request body larger than the largest save the site takes: a file at the
    # entry-form editor's 50 MB maximum plus 5 MB of answers (README, "Request size";
    # raise both there and here for a form whose file questions allow more together).
    # Varnish streams a body to the site without reading it first, and has no limit
    # of its own; the site refuses, from the header, anything over its form's limit.
    if (std.integer(req.http.Content-Length, 0) > 57671680) {
        return (synth(413, "Request too large"));
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every variant (Vary: Cookie) of this URL on this Host.
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Everything stored for this Host: the site sends it after any change to
        # published content, which may show on many pages (home/proxy_bans.py).
        ban("req.http.host == " + req.http.host);
        return (synth(200, "Banned"));
    }

    # Keep only the cookies Django reads: the session, the CSRF token and flash
    # messages. Anything else (a third-party script's cookies) would otherwise
    # make every request uncacheable. A request left with none of them is an
    # anonymous visitor, whom Varnish may serve from its cache.
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(sessionid|csrftoken|messages)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
}

sub vcl_backend_response {
    # No grace: a page is served for its s-maxage and not a moment longer. The site
    # cuts a page's lifetime short at the next moment it changes by itself (entries
    # close, a shortlist or the winners are announced); Varnish's default 10 seconds
    # of grace would serve the old page after that moment while it fetched the new one.
    set beresp.grace = 0s;
    # Only what the site marks cacheable is stored: a response without
    # Cache-Control or Expires (/healthz, a 404) would otherwise be kept for
    # Varnish's default TTL. Like the built-in VCL's uncacheable responses, it
    # goes straight to the backend for the next two minutes.
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # A server error (the 503 of a database outage) is never stored.
    if (beresp.status >= 500) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
}

sub vcl_deliver {
    # For people and tests: HIT when served from the cache.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    # The refusal in the site's own words: JSON for the autosave script, which shows
    # its message and keeps the entrant's text.
    if (resp.status == 413) {
        # Close the connection rather than read the rest of the body to keep it open.
        set resp.http.Connection = "close";
        if (req.http.Accept ~ "application/json") {
            set resp.http.Content-Type = "application/json";
            synthetic({"{"ok": false, "too_large": true, "message": "The file is too large: a file can be at most 50 MB. Nothing was saved, and nothing else was changed: your answers are still on this page." }"});
        } else {
            set resp.http.Content-Type = "text/plain; charset=utf-8";
            synthetic("The file is too large: a file can be at most 50 MB. Nothing was saved, and nothing else was changed. Go back to your entry (your browser's Back button keeps what you typed) and choose a smaller file.");
        }
        return (deliver);
    }
}
