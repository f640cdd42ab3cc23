using Grpc.Core;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Membership.Features.PersonalData;
using NetworkPlatform.Membership.Features.Persons;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Api;

/// <summary>Persons; email and phone are withheld in every answer unless the caller may see them.</summary>
public sealed class PersonApi(GetPerson getPerson, ListPersons listPersons, CreatePerson createPerson, UpdatePerson updatePerson,
    ExportPersonalData exportPersonalData, ErasePerson erasePerson)
    : PersonService.PersonServiceBase
{
    public override Task<Person> GetPerson(GetPersonRequest request, ServerCallContext context) =>
        context.RunAsync(getPerson, PersonMapping.ToQuery(request), PersonMapping.ToProto);

    public override Task<ListPersonsResponse> ListPersons(ListPersonsRequest request, ServerCallContext context) =>
        context.RunAsync(listPersons, PersonMapping.ToQuery(request), PersonMapping.ToProto);

    public override Task<Person> CreatePerson(CreatePersonRequest request, ServerCallContext context) =>
        context.RunAsync(createPerson, PersonMapping.ToCommand(request), PersonMapping.ToProto);

    public override Task<Person> UpdatePerson(UpdatePersonRequest request, ServerCallContext context) =>
        context.RunAsync(updatePerson, PersonMapping.ToCommand(request), PersonMapping.ToProto);

    public override Task<Privacy.V1.PersonalDataSection> ExportPersonalData(Privacy.V1.ExportPersonalDataRequest request,
        ServerCallContext context) =>
        context.RunAsync(exportPersonalData, PersonalDataMapping.ToQuery(request), PersonalDataMapping.ToProto);

    public override Task<Privacy.V1.PersonErasure> ErasePerson(Privacy.V1.ErasePersonRequest request, ServerCallContext context) =>
        context.RunAsync(erasePerson, new ErasePersonCommand(request.NetworkId, request.PersonId, request.Reason),
            PersonMapping.ToErasureProto);
}
