using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.Persons;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Api;

/// <summary>networkplatform.membership.v1 persons &lt;-&gt; the persons use cases' records.</summary>
internal static class PersonMapping
{
    public static GetPersonQuery ToQuery(V1.GetPersonRequest request) => new(request.NetworkId, request.PersonId);

    public static ListPersonsQuery ToQuery(V1.ListPersonsRequest request) =>
        new(request.NetworkId, request.EmployerOrganisationId, request.PageSize, request.PageToken);

    public static CreatePersonCommand ToCommand(V1.CreatePersonRequest request)
    {
        var person = request.Person ?? new V1.Person();
        return new(request.NetworkId, request.RequestId, person.EmployerOrganisationId, Details(person));
    }

    public static UpdatePersonCommand ToCommand(V1.UpdatePersonRequest request)
    {
        var person = request.Person ?? new V1.Person();
        return new(request.NetworkId, person.Id, person.Etag, [.. request.UpdateMask?.Paths ?? []], Details(person));
    }

    public static V1.Person ToProto(PersonView view) => ProtoMapping.ToProto(view.Person, view.Viewer);

    public static V1.ListPersonsResponse ToProto(PersonPage page)
    {
        var response = new V1.ListPersonsResponse { NextPageToken = page.Page.NextPageToken ?? "" };
        response.Persons.AddRange(page.Page.Items.Select(p => ProtoMapping.ToProto(p, page.Viewer)));
        return response;
    }

    private static PersonDetails Details(V1.Person person) => new(person.FullName, person.Email, person.Phone, [.. person.ExpertiseAreas]);
}
