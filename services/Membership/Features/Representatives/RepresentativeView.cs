using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <summary>An appointment with its person's name, as the API shows it.</summary>
public sealed record RepresentativeView(Versioned<Appointment> Appointment, string PersonFullName)
{
    public static async Task<RepresentativeView> LoadAsync(MembershipContext context, Versioned<Appointment> appointment, CancellationToken cancellationToken)
    {
        var person = await context.Store.GetAsync(MembershipCollections.Persons, appointment.Document.NetworkId, appointment.Document.PersonId, cancellationToken);
        return new RepresentativeView(appointment, person?.Document.FullName ?? "");
    }
}
