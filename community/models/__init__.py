"""The models of the community app, one module per domain; every model is importable from here.

All of them keep the app label ``community`` (one migration history), whichever module holds them.
"""

from community.models.accounts import MembershipApplication
from community.models.audit import AuditEvent
from community.models.members import MemberProfile, TaggedMemberProfile, Visibility
from community.models.network import Offer, Organisation, ParentMeeting, ParentMeetingPartner, Region
from community.models.notify import Follow, Notification, NotificationPreference, SentDigest
from community.models.site import HomePage

__all__ = [
    "AuditEvent",
    "Follow",
    "HomePage",
    "MemberProfile",
    "MembershipApplication",
    "Notification",
    "NotificationPreference",
    "Offer",
    "Organisation",
    "ParentMeeting",
    "ParentMeetingPartner",
    "Region",
    "SentDigest",
    "TaggedMemberProfile",
    "Visibility",
]
