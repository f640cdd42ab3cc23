using Grpc.Core;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.V1;
using UseCases = NetworkPlatform.Membership.Features.Persons;

namespace NetworkPlatform.Membership.Api;

/// <summary>Persons; email and phone are withheld in every answer unless the caller may see them.</summary>
public sealed class PersonApi(MembershipContext membership) : PersonService.PersonServiceBase
{
    public override Task<Person> GetPerson(GetPersonRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.GetPerson.HandleAsync(membership, caller, request, ct), (found, _) => ProtoMapping.ToProto(found.Person, found.Viewer));

    public override Task<ListPersonsResponse> ListPersons(ListPersonsRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.ListPersons.HandleAsync(membership, caller, request, ct), (found, _) =>
        {
            var response = new ListPersonsResponse { NextPageToken = found.Page.NextPageToken ?? "" };
            response.Persons.AddRange(found.Page.Items.Select(p => ProtoMapping.ToProto(p, found.Viewer)));
            return response;
        });

    public override Task<Person> CreatePerson(CreatePersonRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.CreatePerson.HandleAsync(membership, caller, request, ct), ProtoMapping.ToProto);

    public override Task<Person> UpdatePerson(UpdatePersonRequest request, ServerCallContext context) =>
        Calls.RunAsync(context, (caller, ct) => UseCases.UpdatePerson.HandleAsync(membership, caller, request, ct), ProtoMapping.ToProto);
}
