import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from community.models import MemberProfile, MembershipApplication, Organisation

DEFAULT_PASSWORD = "een-lang-testwachtwoord-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            user.save()

    groups = factory.PostGeneration(lambda user, create, extracted, **kwargs: _set_groups(user, create, extracted))


def _set_groups(user, create, names, default=()):
    names = default if names is None else names
    if create and names:
        user.groups.set(Group.objects.filter(name__in=names))


class MemberFactory(UserFactory):
    groups = factory.PostGeneration(
        lambda user, create, extracted, **kwargs: _set_groups(user, create, extracted, [settings.MEMBERS_GROUP])
    )


class AssociationMemberFactory(UserFactory):
    groups = factory.PostGeneration(
        lambda user, create, extracted, **kwargs: _set_groups(
            user, create, extracted, [settings.MEMBERS_GROUP, settings.ASSOCIATION_GROUP]
        )
    )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Jeugdhulp Organisatie {n}")
    slug = factory.Sequence(lambda n: f"jeugdhulp-organisatie-{n}")
    place = "Utrecht"


class MemberProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberProfile

    user = factory.SubFactory(MemberFactory)
    profession = "Jeugdhulpverlener"


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication

    user = factory.SubFactory(UserFactory)
    profession = "Gedragswetenschapper"
    organisation = "Jeugdhulp Utrecht"
    motivation = "Ik werk dagelijks met gezinnen in een complexe scheiding en wil kennis delen."


def give_totp(user) -> Authenticator:
    """An activated TOTP authenticator, as after set-up in /accounts/2fa/."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    return TOTP.activate(user, generate_totp_secret()).instance
