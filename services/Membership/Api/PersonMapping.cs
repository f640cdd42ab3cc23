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

    public static V1.Person ToProto(PersonView view) => ToProto(view.Person, view.Viewer);

    /// <summary>Email and phone only for callers the <see cref="PersonalDataPolicy"/> allows (group leadership not considered).</summary>
    public static V1.Person ToProto(Versioned<Person> stored, Application.Caller caller) => ToProto(stored, PersonalDataViewer.Of(caller));

    /// <summary>Email and phone only for viewers the <see cref="PersonalDataPolicy"/> allows.</summary>
    public static V1.Person ToProto(Versioned<Person> stored, PersonalDataViewer viewer)
    {
        var p = stored.Document;
        var visible = PersonalDataPolicy.MaySeePersonalData(viewer, p);
        var proto = new V1.Person
        {
            Id = p.Id,
            NetworkId = p.NetworkId,
            FullName = p.FullName,
            Email = visible ? p.Email : "",
            Phone = visible ? p.Phone : "",
            EmployerOrganisationId = p.EmployerOrganisationId,
            PersonalDataRedacted = !visible,
            CreateTime = MembershipMapping.ToProto(p.CreatedAt),
            UpdateTime = MembershipMapping.ToProto(p.UpdatedAt),
            Etag = stored.ETag,
        };
        proto.ExpertiseAreas.AddRange(p.ExpertiseAreas);
        return proto;
    }

    public static V1.ListPersonsResponse ToProto(PersonPage page)
    {
        var response = new V1.ListPersonsResponse { NextPageToken = page.Page.NextPageToken ?? "" };
        response.Persons.AddRange(page.Page.Items.Select(p => ToProto(p, page.Viewer)));
        return response;
    }

    private static PersonDetails Details(V1.Person person) => new(person.FullName, person.Email, person.Phone, [.. person.ExpertiseAreas]);

    /// <summary>The record of the person's erasure (who, when, why).</summary>
    public static Privacy.V1.PersonErasure ToErasureProto(Person person) => new()
    {
        NetworkId = person.NetworkId,
        PersonId = person.Id,
        EraseTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(person.Erasure!.ErasedAt),
        ErasedBy = person.Erasure.ErasedBy,
        Reason = person.Erasure.Reason,
    };
}
