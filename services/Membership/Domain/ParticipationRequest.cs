using System.Text.Json.Serialization;
using NetworkPlatform.Application.Failures;

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

/// <summary>What the handling network's secretariat answers.</summary>
public enum ParticipationAnswer
{
    Approve,
    Decline,
}

public sealed record ForwardingStep(string FromNetworkId, string ToNetworkId, string ForwardedBy, DateTimeOffset At, string Note);

/// <summary>What a representative asks for: to join a group (its id) or to create one (its name), in the group's network.</summary>
public sealed record ParticipationWish(ParticipationKind Kind, string GroupId, string ProposedGroupName, string GroupNetworkId,
    string Motivation);

/// <summary>
/// A member's representative asks to join or create a group. It starts in the representative's network; when the
/// group belongs to a parent network, each secretariat on the way forwards it one level up. Only the group's own
/// network approves; whoever handles it may decline.
/// </summary>
public sealed record ParticipationRequest
{
    [JsonConstructor]
    private ParticipationRequest()
    {
    }

    [JsonInclude]
    public string Id { get; private init; } = "";

    [JsonInclude]
    public string OriginNetworkId { get; private init; } = "";

    [JsonInclude]
    public string OrganisationId { get; private init; } = "";

    [JsonInclude]
    public string PersonId { get; private init; } = "";

    [JsonInclude]
    public ParticipationKind Kind { get; private init; }

    [JsonInclude]
    public string GroupId { get; private init; } = "";

    [JsonInclude]
    public string ProposedGroupName { get; private init; } = "";

    [JsonInclude]
    public string GroupNetworkId { get; private init; } = "";

    [JsonInclude]
    public string Motivation { get; private init; } = "";

    [JsonInclude]
    public ParticipationState State { get; private init; } = ParticipationState.Pending;

    [JsonInclude]
    public string HandlingNetworkId { get; private init; } = "";

    [JsonInclude]
    public IReadOnlyList<ForwardingStep> ForwardingChain { get; private init; } = [];

    [JsonInclude]
    public string AnsweredBy { get; private init; } = "";

    [JsonInclude]
    public DateTimeOffset? AnsweredAt { get; private init; }

    [JsonInclude]
    public string AnswerNote { get; private init; } = "";

    [JsonInclude]
    public DateTimeOffset CreatedAt { get; private init; }

    [JsonIgnore]
    public string Subject => $"networks/{OriginNetworkId}/participationRequests/{Id}";

    [JsonIgnore]
    public bool IsOpen => State is ParticipationState.Pending or ParticipationState.Forwarded;

    /// <summary>Every network that has seen the request: the origin and each one it was forwarded to.</summary>
    [JsonIgnore]
    public IEnumerable<string> InvolvedNetworkIds => ForwardingChain.Select(s => s.ToNetworkId).Prepend(OriginNetworkId);

    /// <summary>A pending request in its origin network, which handles it first.</summary>
    public static ParticipationRequest Submit(string id, string originNetworkId, string organisationId, string personId,
        ParticipationWish wish,
        DateTimeOffset at) => new()
        {
            Id = id,
            OriginNetworkId = originNetworkId,
            OrganisationId = organisationId,
            PersonId = personId,
            Kind = wish.Kind,
            GroupId = wish.Kind == ParticipationKind.JoinGroup ? wish.GroupId : "",
            ProposedGroupName = wish.Kind == ParticipationKind.CreateGroup ? wish.ProposedGroupName.Trim() : "",
            GroupNetworkId = wish.GroupNetworkId,
            Motivation = wish.Motivation.Trim(),
            HandlingNetworkId = originNetworkId,
            CreatedAt = at,
        };

    public ParticipationRequest Forward(string toNetworkId, string forwardedBy, DateTimeOffset at, string note)
    {
        EnsureOpen();
        if (HandlingNetworkId == GroupNetworkId)
        {
            throw new RuleViolationException("ALREADY_AT_GROUP_NETWORK", Subject,
                $"The request is already with '{GroupNetworkId}', the network that owns the group; answer it instead of forwarding.");
        }
        var step = new ForwardingStep(HandlingNetworkId, toNetworkId, forwardedBy, at, note);
        return this with { State = ParticipationState.Forwarded, HandlingNetworkId = toNetworkId,
            ForwardingChain = [.. ForwardingChain, step] };
    }

    public ParticipationRequest Answer(ParticipationAnswer answer, string answeredBy, DateTimeOffset at, string note) =>
        answer == ParticipationAnswer.Approve ? Approve(answeredBy, at, note) : Decline(answeredBy, at, note);

    public ParticipationRequest Approve(string answeredBy, DateTimeOffset at, string note)
    {
        EnsureOpen();
        if (HandlingNetworkId != GroupNetworkId)
        {
            throw new RuleViolationException("NOT_AT_GROUP_NETWORK", Subject,
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
            throw new RuleViolationException("PARTICIPATION_REQUEST_ANSWERED", Subject,
                $"The request was already {State.ToString().ToLowerInvariant()} by {AnsweredBy}; send a new request if needed.");
        }
    }
}

/// <summary>A pointer, stored in every network that sees a request, to the request in its origin network.</summary>
public sealed record ParticipationRequestLink(string Id, string OriginNetworkId, DateTimeOffset LinkedAt);
