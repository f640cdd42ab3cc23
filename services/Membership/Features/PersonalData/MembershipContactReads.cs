using NetworkPlatform.Application.PersonalData;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Features.PersonalData;

/// <summary>Membership's reads of contact details: the persons whose e-mail or phone an answer showed.</summary>
public static class MembershipContactReads
{
    /// <summary>Records which of <paramref name="shown"/> had e-mail or phone shown, as <see cref="PersonalDataPolicy"/> decided.</summary>
    public static Task RecordAsync(MembershipContext context, PersonalDataViewer viewer, string networkId, string via,
        IEnumerable<Person> shown, CancellationToken cancellationToken) =>
        ContactReads.RecordAsync(context.Store, networkId, viewer.Caller, via, context.Now,
            shown.Where(p => (p.Email.Length > 0 || p.Phone.Length > 0) && PersonalDataPolicy.MaySeePersonalData(viewer, p))
                .Select(p => p.Id),
            cancellationToken);
}
