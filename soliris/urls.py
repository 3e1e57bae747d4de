from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from opendata import views as opendata_views
from opendata.sitemaps import SITEMAPS
from soliris import digests, notifications, views

# One log-in for everyone: the admin's own form (password alone, no rate limit) is replaced by
# allauth's, with the second factor and the limits; only staff get past it to the admin.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("api/v1/", include("opendata.api.urls")),
    path("robots.txt", opendata_views.robots, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"},
        name="sitemap_index",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("status/", views.status, name="status"),
    path("profile/", views.profile, name="profile"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/read-all/", notifications.notification_read_all, name="notifications_read_all"),
    path("notifications/settings/", notifications.notification_settings, name="notification_settings"),
    path("notifications/<key:key>/", notifications.notification_open, name="notification_open"),
    path("unsubscribe/<str:token>/", digests.unsubscribe, name="unsubscribe"),
    path("kept/<key:key>/", views.rescued, name="rescued"),
    path("undo/<key:key>/", views.undo_removal, name="undo"),
    path("profile/my-data/", views.my_data, name="my_data"),
    path("profile/my-data/export.json", views.my_data_export, name="my_data_export"),
    path("profile/erase/", views.account_erase, name="account_erase"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("soliris.pdf.urls")),
    path("", include("partners.urls")),
    path("", include("projects.urls")),
    path("", include("conventions.urls")),
    path("", include("events.urls")),
    path("", include("maps.urls")),
    path("", include("opendata.urls")),
    prefix_default_language=True,
)
