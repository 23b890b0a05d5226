from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Awards"

    def ready(self):
        from publishing.invalidation import watch_saves
        from publishing.serving import register_time_horizon

        from .site_settings import FooterLink, SiteDefaultContact, SiteSettings
        from .snippets import Contact, Sponsor
        from .window_changes import next_window_change

        # Snippets without drafts and the site settings are public once saved. The pages'
        # own inline rows (contacts, sponsors, key dates) go public with the page's publish.
        watch_saves(Contact, Sponsor, SiteSettings, FooterLink, SiteDefaultContact)
        # A cached page never outlives the next moment an entry window opens or closes.
        register_time_horizon(next_window_change)
