using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

public sealed class DeleteDeadline(MeetingsContext context)
{
    public async Task HandleAsync(Proto.DeleteDeadlineRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation().NotEmpty(request.NetworkId, "network_id", "network id").NotEmpty(request.DeadlineId, "deadline_id", "deadline id").ThrowIfInvalid();
        Access.EnsureSecretariat(caller, request.NetworkId);
        await using var unitOfWork = await context.Database.Store.BeginAsync(cancellationToken);
        var current = await unitOfWork.GetAsync(MeetingsCollections.Deadlines, request.NetworkId, request.DeadlineId, cancellationToken)
            ?? throw RpcErrors.NotFound("deadline", $"networks/{request.NetworkId}/deadlines/{request.DeadlineId}");
        await unitOfWork.DeleteAsync(MeetingsCollections.Deadlines, request.NetworkId, request.DeadlineId, current.Version, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
    }
}
