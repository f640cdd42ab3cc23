using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>The secretariat posts a deadline (frist) in the partner calendar.</summary>
public sealed class CreateDeadline(MeetingsContext context)
{
    public async Task<Deadline> HandleAsync(Proto.CreateDeadlineRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = request.Deadline ?? new Proto.Deadline();
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .Require(input.Title.Trim().Length is > 0 and <= 200, "deadline.title", "Give a title of 1..200 characters.")
            .Require(input.DueTime is not null, "deadline.due_time", "Give the time it is due.")
            .TimeZone(input.TimeZone, "deadline.time_zone")
            .MaxLength("request_id", request.RequestId, 100)
            .ThrowIfInvalid();
        Access.EnsureSecretariat(caller, request.NetworkId);
        var id = request.RequestId.Length > 0 ? $"dl-{request.RequestId}" : Ids.New("dl");
        if (await context.Database.Store.GetAsync(MeetingsCollections.Deadlines, request.NetworkId, id, cancellationToken) is { } earlier)
        {
            return earlier.Document;
        }
        var settings = await context.Database.SettingsAsync(request.NetworkId, cancellationToken);
        var deadline = new Deadline
        {
            Id = id,
            NetworkId = request.NetworkId,
            Title = input.Title.Trim(),
            Description = input.Description,
            DueAt = input.DueTime!.ToDateTimeOffset(),
            TimeZone = input.TimeZone.Length > 0 ? input.TimeZone : settings.TimeZone,
            GroupId = input.GroupId.Length > 0 ? input.GroupId : null,
            CreatedAt = context.Now,
        };
        await using var unitOfWork = await context.Database.Store.BeginAsync(cancellationToken);
        await unitOfWork.InsertAsync(MeetingsCollections.Deadlines, request.NetworkId, deadline, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return deadline;
    }
}
