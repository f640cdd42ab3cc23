using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.Organisations;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;
using static NetworkPlatform.Membership.Api.MembershipMapping;

namespace NetworkPlatform.Membership.Api;

/// <summary>networkplatform.membership.v1 organisations and memberships &lt;-&gt; the organisations use cases' records.</summary>
internal static class OrganisationMapping
{
    public static GetOrganisationQuery ToQuery(V1.GetOrganisationRequest request) => new(request.NetworkId, request.OrganisationId);

    public static ListOrganisationsQuery ToQuery(V1.ListOrganisationsRequest request) => new(request.NetworkId,
        FilterOf<V1.OrganisationKind, OrganisationKind>(request.Kind, ToDomain),
        FilterOf<V1.MembershipState, MembershipState>(request.MembershipState, ToDomain), request.PageSize, request.PageToken);

    public static ListMembershipHistoryQuery ToQuery(V1.ListMembershipHistoryRequest request) => new(request.NetworkId,
        request.OrganisationId);

    public static CreateOrganisationCommand ToCommand(V1.CreateOrganisationRequest request)
    {
        var organisation = request.Organisation ?? new V1.Organisation();
        return new(request.NetworkId, request.RequestId, Input(organisation), organisation.LinkedNetworkId);
    }

    public static UpdateOrganisationCommand ToCommand(V1.UpdateOrganisationRequest request)
    {
        var organisation = request.Organisation ?? new V1.Organisation();
        return new(request.NetworkId, organisation.Id, organisation.Etag, [.. request.UpdateMask?.Paths ?? []], Input(organisation));
    }

    public static ApplyForMembershipCommand ToCommand(V1.ApplyForMembershipRequest request) =>
        new(request.NetworkId, request.OrganisationId, request.Etag, request.Reason);

    public static ApproveMembershipCommand ToCommand(V1.ApproveMembershipRequest request) =>
        new(request.NetworkId, request.OrganisationId, request.Etag, request.Reason);

    public static SuspendMembershipCommand ToCommand(V1.SuspendMembershipRequest request) =>
        new(request.NetworkId, request.OrganisationId, request.Etag, request.Reason);

    public static ReinstateMembershipCommand ToCommand(V1.ReinstateMembershipRequest request) =>
        new(request.NetworkId, request.OrganisationId, request.Etag, request.Reason);

    public static ResignMembershipCommand ToCommand(V1.ResignMembershipRequest request) =>
        new(request.NetworkId, request.OrganisationId, request.Etag, request.Reason);

    public static V1.Organisation ToProto(Versioned<Organisation> stored)
    {
        var o = stored.Document;
        return new V1.Organisation
        {
            Id = o.Id,
            NetworkId = o.NetworkId,
            DisplayName = o.DisplayName,
            OrganisationNumber = o.OrganisationNumber,
            Kind = MembershipMapping.ToProto(o.Kind),
            Contact = new V1.ContactDetails { Email = o.Contact.Email, Phone = o.Contact.Phone, Address = o.Contact.Address,
                Website = o.Contact.Website },
            LinkedNetworkId = o.LinkedNetworkId ?? "",
            MembershipState = MembershipMapping.ToProto(o.Membership.State),
            CreateTime = MembershipMapping.ToProto(o.CreatedAt),
            UpdateTime = MembershipMapping.ToProto(o.UpdatedAt),
            Etag = stored.ETag,
        };
    }

    public static V1.ListOrganisationsResponse ToProto(Page<Organisation> page)
    {
        var response = new V1.ListOrganisationsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Organisations.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public static V1.ListMembershipHistoryResponse ToProto(IReadOnlyList<MembershipStep> history)
    {
        var response = new V1.ListMembershipHistoryResponse();
        response.Steps.AddRange(history.Select(step => new V1.MembershipStep
        {
            FromState = MembershipMapping.ToProto(step.From),
            ToState = MembershipMapping.ToProto(step.To),
            DecidedBy = step.DecidedBy,
            DecideTime = MembershipMapping.ToProto(step.At),
            Reason = step.Reason,
        }));
        return response;
    }

    private static OrganisationInput Input(V1.Organisation organisation)
    {
        var contact = organisation.Contact is { } c ? new ContactDetails(c.Email, c.Phone, c.Address, c.Website) : new ContactDetails();
        return new(organisation.DisplayName, organisation.OrganisationNumber,
            ChoiceOf<V1.OrganisationKind, OrganisationKind>(organisation.Kind, ToDomain),
            contact);
    }
}
