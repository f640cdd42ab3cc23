using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.Representatives;
using V1 = NetworkPlatform.Membership.V1;
using static NetworkPlatform.Membership.Api.MembershipMapping;

namespace NetworkPlatform.Membership.Api;

/// <summary>networkplatform.membership.v1 representatives &lt;-&gt; the representatives use cases' records.</summary>
internal static class RepresentativeMapping
{
    public static GetRepresentativeQuery ToQuery(V1.GetRepresentativeRequest request) => new(request.NetworkId, request.RepresentativeId);

    public static ListRepresentativesQuery ToQuery(V1.ListRepresentativesRequest request) =>
        new(request.NetworkId, request.OrganisationId, request.PersonId, request.ActiveOnly, request.PageSize, request.PageToken);

    public static CheckRepresentativeQuery ToQuery(V1.CheckRepresentativeRequest request) =>
        new(request.NetworkId, request.PersonId, request.OrganisationId);

    public static AppointRepresentativeCommand ToCommand(V1.AppointRepresentativeRequest request)
    {
        var representative = request.Representative ?? new V1.Representative();
        return new(request.NetworkId, request.RequestId, representative.OrganisationId, representative.PersonId,
            ChoiceOf<V1.RepresentativeRole, RepresentativeRole>(representative.Role, ToDomain), representative.HoursPerMonth,
            Manager(representative.ApprovingManager), representative.StartTime?.ToDateTimeOffset());
    }

    public static UpdateRepresentativeCommand ToCommand(V1.UpdateRepresentativeRequest request)
    {
        var representative = request.Representative ?? new V1.Representative();
        return new(request.NetworkId, representative.Id, representative.Etag, [.. request.UpdateMask?.Paths ?? []],
            representative.HoursPerMonth,
            Manager(representative.ApprovingManager));
    }

    public static WithdrawRepresentativeCommand ToCommand(V1.WithdrawRepresentativeRequest request) =>
        new(request.NetworkId, request.RepresentativeId, request.Etag, request.Reason);

    public static ReplaceRepresentativeCommand ToCommand(V1.ReplaceRepresentativeRequest request) =>
        new(request.NetworkId, request.RepresentativeId, request.NewPersonId, request.Etag, request.RequestId, request.Reason,
            request.HoursPerMonth,
            Manager(request.ApprovingManager));

    public static V1.Representative ToProto(RepresentativeView view)
    {
        var a = view.Appointment.Document;
        var proto = new V1.Representative
        {
            Id = a.Id,
            NetworkId = a.NetworkId,
            OrganisationId = a.OrganisationId,
            PersonId = a.PersonId,
            Role = MembershipMapping.ToProto(a.Role),
            HoursPerMonth = a.HoursPerMonth,
            ApprovingManager = new V1.ApprovingManager
            {
                FullName = a.ApprovingManager.FullName, Title = a.ApprovingManager.Title, Email = a.ApprovingManager.Email,
            },
            StartTime = MembershipMapping.ToProto(a.StartAt),
            EndReason = MembershipMapping.ToProto(a.EndReason),
            Active = a.IsActive,
            PersonFullName = view.PersonFullName,
            UpdateTime = MembershipMapping.ToProto(a.UpdatedAt),
            Etag = view.Appointment.ETag,
        };
        if (a.EndAt is { } end)
        {
            proto.EndTime = MembershipMapping.ToProto(end);
        }
        return proto;
    }

    public static V1.ListRepresentativesResponse ToProto(RepresentativePage page)
    {
        var response = new V1.ListRepresentativesResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Representatives.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public static V1.ReplaceRepresentativeResponse ToProto(Replacement replacement) =>
        new() { Ended = ToProto(replacement.Ended), Appointed = ToProto(replacement.Appointed) };

    public static V1.CheckRepresentativeResponse ToProto(RepresentativeCheck check)
    {
        var response = new V1.CheckRepresentativeResponse
        {
            ActiveRepresentative = check.ActiveRepresentative,
            Reason = check.Reason,
            MembershipState = MembershipMapping.ToProto(check.MembershipState),
        };
        response.Appointments.AddRange(check.Appointments.Select(ToProto));
        return response;
    }

    private static ApprovingManager? Manager(V1.ApprovingManager? manager) =>
        manager is null ? null : new ApprovingManager(manager.FullName, manager.Title, manager.Email);
}
