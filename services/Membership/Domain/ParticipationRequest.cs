using System.Text.Json.Serialization;

namespace NetworkPlatform.Membership.Domain;

public enum ParticipationKind
{
    JoinGroup,
    CreateGroup,
}

public enum ParticipationState
{
    Pending,
    Forwarded,
    Approved,
    Declined,
}

public sealed record ForwardingStep(string FromNetworkId, string ToNetworkId, string ForwardedBy, DateTimeOffset At, string Note);

/// <summary>
/// A member's representative asks to join or create a group. It starts in the representative's network; when the
/// group belongs to a parent network, each secretariat on the way forwards it one level up. Only the group's own
/// network approves; whoever handles it may decline.
/// </summary>
public sealed record ParticipationRequest
{
    public required string Id { get; init; }

    public required string OriginNetworkId { get; init; }

    public required string OrganisationId { get; init; }

    public required string PersonId { get; init; }

    public required ParticipationKind Kind { get; init; }

    public string GroupId { get; init; } = "";

    public string ProposedGroupName { get; init; } = "";

    public required string GroupNetworkId { get; init; }

    public string Motivation { get; init; } = "";

    public ParticipationState State { get; init; } = ParticipationState.Pending;

    public required string HandlingNetworkId { get; init; }

    public IReadOnlyList<ForwardingStep> ForwardingChain { get; init; } = [];

    public string AnsweredBy { get; init; } = "";

    public DateTimeOffset? AnsweredAt { get; init; }

    public string AnswerNote { get; init; } = "";

    public required DateTimeOffset CreatedAt { get; init; }

    [JsonIgnore]
    public string Subject => $"networks/{OriginNetworkId}/participationRequests/{Id}";

    [JsonIgnore]
    public bool IsOpen => State is ParticipationState.Pending or ParticipationState.Forwarded;

    /// <summary>Every network that has seen the request: the origin and each one it was forwarded to.</summary>
    [JsonIgnore]
    public IEnumerable<string> InvolvedNetworkIds => ForwardingChain.Select(s => s.ToNetworkId).Prepend(OriginNetworkId);

    public ParticipationRequest Forward(string toNetworkId, string forwardedBy, DateTimeOffset at, string note)
    {
        EnsureOpen();
        if (HandlingNetworkId == GroupNetworkId)
        {
            throw new DomainRuleException("ALREADY_AT_GROUP_NETWORK", Subject,
                $"The request is already with '{GroupNetworkId}', the network that owns the group; answer it instead of forwarding.");
        }
        var step = new ForwardingStep(HandlingNetworkId, toNetworkId, forwardedBy, at, note);
        return this with { State = ParticipationState.Forwarded, HandlingNetworkId = toNetworkId, ForwardingChain = [.. ForwardingChain, step] };
    }

    public ParticipationRequest Approve(string answeredBy, DateTimeOffset at, string note)
    {
        EnsureOpen();
        if (HandlingNetworkId != GroupNetworkId)
        {
            throw new DomainRuleException("NOT_AT_GROUP_NETWORK", Subject,
                $"Only '{GroupNetworkId}', which owns the group, can approve; forward the request towards it, or decline it.");
        }
        return Answered(ParticipationState.Approved, answeredBy, at, note);
    }

    public ParticipationRequest Decline(string answeredBy, DateTimeOffset at, string note)
    {
        EnsureOpen();
        return Answered(ParticipationState.Declined, answeredBy, at, note);
    }

    private ParticipationRequest Answered(ParticipationState state, string answeredBy, DateTimeOffset at, string note) =>
        this with { State = state, AnsweredBy = answeredBy, AnsweredAt = at, AnswerNote = note };

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("PARTICIPATION_REQUEST_ANSWERED", Subject,
                $"The request was already {State.ToString().ToLowerInvariant()} by {AnsweredBy}; send a new request if needed.");
        }
    }
}

/// <summary>A pointer, stored in every network that sees a request, to the request in its origin network.</summary>
public sealed record ParticipationRequestLink(string Id, string OriginNetworkId, DateTimeOffset LinkedAt);
