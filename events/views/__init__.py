from events.views.events import (  # noqa: F401
    attendee_csv,
    attendee_list,
    event_calendar,
    event_cancel,
    event_create,
    event_detail,
    event_edit,
    event_list,
    workshop_create,
    workshop_edit,
)
from events.views.recommendations import (  # noqa: F401
    annual_report,
    booklet_request,
    event_recommendations,
    recommendation_create,
    recommendation_detail,
    recommendation_edit,
    recommendation_endorse,
    recommendation_follow_up,
    recommendation_list,
    recommendation_withdraw,
    section_create,
)
from events.views.registrations import (  # noqa: F401
    event_register,
    registration_cancel,
    workshop_join,
    workshop_leave,
)
