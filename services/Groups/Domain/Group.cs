using NetworkPlatform.Application.Failures;
using System.Text.Json.Serialization;

namespace NetworkPlatform.Groups.Domain;

/// <summary>
/// A group of a network and its rules. Immutable: every change returns the changed group, so a feature can
/// store it with optimistic concurrency and publish what happened in the same transaction.
/// </summary>
public sealed record Group
{
    [JsonConstructor]
    private Group()
    {
    }

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string Id { get; private init; } = "";

    [JsonInclude]
    public GroupDetails Details { get; private init; } = null!;

    [JsonInclude]
    public GroupState State { get; private init; }

    [JsonInclude]
    public IReadOnlyList<Mandate> Mandates { get; private init; } = [];

    [JsonInclude]
    public IReadOnlyList<Participant> Participants { get; private init; } = [];

    [JsonInclude]
    public IReadOnlyList<JoinRequest> JoinRequests { get; private init; } = [];

    [JsonInclude]
    public IReadOnlyList<LifecycleStep> Lifecycle { get; private init; } = [];

    [JsonInclude]
    public DateTimeOffset CreatedAt { get; private init; }

    [JsonInclude]
    public DateTimeOffset UpdatedAt { get; private init; }

    [JsonIgnore]
    public Mandate? CurrentMandate => Mandates.Count == 0 ? null : Mandates[^1];

    [JsonIgnore]
    public Participant? Leader => Participants.FirstOrDefault(p => p.Holds(GroupRole.Leader));

    [JsonIgnore]
    public Participant? BudgetResponsible => Participants.FirstOrDefault(p => p.Holds(GroupRole.BudgetResponsible));

    [JsonIgnore]
    public bool IsClosed => State is GroupState.Concluded or GroupState.Dissolved;

    public Participant? FindParticipant(string personId) => Participants.FirstOrDefault(p => p.PersonId == personId);

    /// <summary>Roles the group lacks while it works: a leader once it has a mandate, a budget responsible once it is active.</summary>
    [JsonIgnore]
    public IReadOnlyList<GroupFlag> Flags
    {
        get
        {
            var flags = new List<GroupFlag>();
            if (State is GroupState.Mandated or GroupState.Active or GroupState.Concluding && Leader is null)
            {
                flags.Add(GroupFlag.LeaderMissing);
            }
            if (State is GroupState.Active or GroupState.Concluding && BudgetResponsible is null && !Details.Kind.IsGoverningBody())
            {
                flags.Add(GroupFlag.BudgetResponsibleMissing);
            }
            return flags;
        }
    }

    /// <summary>Observers follow the work without doing it, so they do not count towards the size.</summary>
    [JsonIgnore]
    public SizeGuidance Size => SizeGuidance.Assess(Details.Kind, Participants.Count(p => p.Roles.Any(r => r != GroupRole.Observer)));

    [JsonIgnore]
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var warnings = new List<string>();
            if (!IsClosed && State != GroupState.Proposed && Size.Warning is { } sizeWarning)
            {
                warnings.Add(sizeWarning);
            }
            foreach (var flag in Flags)
            {
                warnings.Add(flag switch
                {
                    GroupFlag.LeaderMissing => "The group has no leader: elect one at the start-up meeting and assign the role.",
                    GroupFlag.BudgetResponsibleMissing => "The group has no budget responsible: elect one and assign the role.",
                    _ => flag.ToString(),
                });
            }
            return warnings;
        }
    }

    public static Group Propose(string networkId, string id, GroupDetails details, Decision decision)
    {
        details.Validate();
        if (details.Kind.IsGoverningBody())
        {
            throw new InvalidFieldsException("kind",
                $"A {details.Kind} is a standing governing body: register it with CreateGroup instead of proposing it.");
        }
        return Start(networkId, id, details, GroupState.Proposed, decision);
    }

    /// <summary>Governing bodies (partner meeting, steering group ...) exist by the network's statutes: they start active.</summary>
    public static Group RegisterStandingBody(string networkId, string id, GroupDetails details, Decision decision)
    {
        details.Validate();
        if (!details.Kind.IsGoverningBody())
        {
            throw new InvalidFieldsException("kind",
                $"A {details.Kind} needs a mandate before it works: propose it with ProposeGroup; CreateGroup registers governing bodies " +
                    "only.");
        }
        return Start(networkId, id, details, GroupState.Active, decision);
    }

    public Group UpdateDetails(GroupDetails details, DateTimeOffset at)
    {
        EnsureOpen();
        details.Validate();
        if (details.Kind != Details.Kind)
        {
            throw new InvalidFieldsException("kind", "The kind of a group cannot change; propose a new group of the other kind.");
        }
        return this with { Details = details, UpdatedAt = at };
    }

    /// <summary>The first mandate: proposed -> mandated.</summary>
    public Group ApproveMandate(MandateTerms terms, Decision decision)
    {
        terms.Validate(Details.Kind);
        if (State != GroupState.Proposed)
        {
            throw new RuleViolationException(CurrentMandate is null ? "GROUP_STATE" : "MANDATE_ALREADY_APPROVED", $"groups/{Id}",
                CurrentMandate is null
                    ? $"The group is {State}; only a proposed group gets its first mandate."
                    : "The group already has an approved mandate; change it with ReviseMandate.");
        }
        var mandate = new Mandate(1, terms, decision.DecidedBy, decision.At);
        return Transition(GroupState.Mandated, decision) with { Mandates = [mandate] };
    }

    /// <summary>A new version of the mandate; the history keeps every version.</summary>
    public Group ReviseMandate(MandateTerms terms, Decision decision)
    {
        terms.Validate(Details.Kind);
        EnsureOpen();
        if (CurrentMandate is not { } current)
        {
            throw new RuleViolationException("MANDATE_MISSING", $"groups/{Id}",
                "The group has no approved mandate yet; approve the first one with ApproveMandate.");
        }
        var revised = new Mandate(current.Version + 1, terms, decision.DecidedBy, decision.At);
        return this with { Mandates = [.. Mandates, revised], UpdatedAt = decision.At };
    }

    /// <summary>mandated -> active; refused with every missing piece listed (mandate, leader).</summary>
    public Group Activate(Decision decision)
    {
        if (State is not (GroupState.Proposed or GroupState.Mandated))
        {
            throw new RuleViolationException("GROUP_STATE", $"groups/{Id}",
                $"The group is {State}; only a mandated group can be activated.");
        }
        var missing = new List<RuleViolation>();
        if (CurrentMandate is null)
        {
            missing.Add(new("MANDATE_MISSING", $"groups/{Id}/mandate",
                "The group has no approved mandate: have a governing body approve one (ApproveMandate) first."));
        }
        if (Leader is null)
        {
            missing.Add(new("LEADER_MISSING", $"groups/{Id}/roles/leader",
                "The group has no leader: assign the leader role (AssignRole) first."));
        }
        if (missing.Count > 0)
        {
            throw new RuleViolationException(missing);
        }
        return Transition(GroupState.Active, decision);
    }

    public Group StartConcluding(Decision decision)
    {
        if (State != GroupState.Active)
        {
            throw new RuleViolationException("GROUP_STATE", $"groups/{Id}",
                $"The group is {State}; only an active group starts concluding.");
        }
        return Transition(GroupState.Concluding, decision);
    }

    public Group CompleteConclusion(Decision decision)
    {
        if (State != GroupState.Concluding)
        {
            throw new RuleViolationException("GROUP_STATE", $"groups/{Id}",
                $"The group is {State}; conclude with step START first, then COMPLETE.");
        }
        return Transition(GroupState.Concluded, decision);
    }

    public Group Dissolve(Decision decision)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(decision.Reason))
        {
            throw new InvalidFieldsException("reason", "Say why the group is dissolved.");
        }
        return Transition(GroupState.Dissolved, decision) with { JoinRequests = [] };
    }

    /// <summary>Gives a role; a single-holder role (leader, budget responsible) is taken from its previous holder.</summary>
    public RoleAssignment AssignRole(PersonIdentity person, GroupRole role, DateTimeOffset at)
    {
        EnsureOpen();
        if (role.RequiresMemberRepresentative() && !person.RepresentsMember)
        {
            throw new RuleViolationException("NOT_A_MEMBER_REPRESENTATIVE", $"persons/{person.PersonId}",
                $"The role {role} is for representatives of active member organisations; " +
                "invite the person as invited expert, state actor or observer instead.");
        }
        var existing = FindParticipant(person.PersonId);
        if (existing is not null && existing.Holds(role))
        {
            throw new RuleViolationException("ROLE_ALREADY_HELD", $"persons/{person.PersonId}",
                $"The person already holds the role {role} in this group.");
        }
        Participant? displaced = null;
        var participants = Participants.ToList();
        if (role.IsSingleHolder() && participants.FirstOrDefault(p => p.Holds(role)) is { } previous)
        {
            displaced = previous;
            // A replaced leader stays in the group as a member rather than disappearing from it.
            IReadOnlyList<GroupRole> left = [.. previous.Roles.Where(r => r != role)];
            participants = Replace(participants, previous,
                previous with { Roles = left.Count == 0 && previous.RepresentsMember ? [GroupRole.Member] : left });
        }
        var current = participants.FirstOrDefault(p => p.PersonId == person.PersonId);
        participants = current is null
            ? [.. participants, NewParticipant(person, role, at)]
            : Replace(participants, current, current with { Roles = [.. current.Roles, role] });
        var changed = this with
        {
            Participants = [.. participants.Where(p => p.Roles.Count > 0)],
            JoinRequests = [.. JoinRequests.Where(r => r.Person.PersonId != person.PersonId)],
            UpdatedAt = at,
        };
        return new RoleAssignment(changed, displaced, existing is null);
    }

    /// <summary>Takes a role away; a participant with no role left leaves the group.</summary>
    public Group VacateRole(string personId, GroupRole role, DateTimeOffset at)
    {
        EnsureOpen();
        var participant = FindParticipant(personId) ?? throw new NotFoundException("Participant", $"groups/{Id}/participants/{personId}");
        if (!participant.Holds(role))
        {
            throw new RuleViolationException("ROLE_NOT_HELD", $"persons/{personId}",
                $"The person does not hold the role {role} in this group.");
        }
        var remaining = participant with { Roles = [.. participant.Roles.Where(r => r != role)] };
        var participants = Replace(Participants.ToList(), participant, remaining);
        return this with { Participants = [.. participants.Where(p => p.Roles.Count > 0)], UpdatedAt = at };
    }

    /// <summary>Join as member at once (open policy) or ask the leader (approval policy).</summary>
    public JoinOutcome Join(PersonIdentity person, DateTimeOffset at)
    {
        EnsureMayJoin(person);
        if (Details.JoinPolicy == JoinPolicy.Open)
        {
            return new JoinOutcome(this with { Participants = [.. Participants, NewParticipant(person, GroupRole.Member, at)],
                UpdatedAt = at }, Joined: true);
        }
        if (JoinRequests.Any(r => r.Person.PersonId == person.PersonId))
        {
            throw new RuleViolationException("JOIN_REQUEST_PENDING", $"persons/{person.PersonId}",
                "The person has already asked to join; the leader has not answered yet.");
        }
        return new JoinOutcome(this with { JoinRequests = [.. JoinRequests, new JoinRequest(person, at)], UpdatedAt = at }, Joined: false);
    }

    /// <summary>
    /// Admits a person whose participation request (JOIN_GROUP) the network's secretariat approved in the membership
    /// service: a member at once, whatever the join policy, in place of a join request they may have left here.
    /// </summary>
    public Group Admit(PersonIdentity person, DateTimeOffset at)
    {
        EnsureMayJoin(person);
        return this with
        {
            Participants = [.. Participants, NewParticipant(person, GroupRole.Member, at)],
            JoinRequests = [.. JoinRequests.Where(r => r.Person.PersonId != person.PersonId)],
            UpdatedAt = at,
        };
    }

    /// <summary>A member joins an open group, not twice, and only as a representative of an active member organisation.</summary>
    private void EnsureMayJoin(PersonIdentity person)
    {
        EnsureAcceptsParticipants();
        if (FindParticipant(person.PersonId) is not null)
        {
            throw new RuleViolationException("ALREADY_PARTICIPANT", $"persons/{person.PersonId}",
                "The person already takes part in this group.");
        }
        if (!person.RepresentsMember)
        {
            throw new RuleViolationException("NOT_A_MEMBER_REPRESENTATIVE", $"persons/{person.PersonId}",
                "Only representatives of active member organisations join groups; " +
                "others are invited by the leader as expert, state actor or observer.");
        }
    }

    /// <summary>Answers a pending join request. Approval uses the person as verified again at this moment.</summary>
    public Group AnswerJoinRequest(string personId, PersonIdentity? verifiedNow, bool approve, DateTimeOffset at)
    {
        var request = JoinRequests.FirstOrDefault(r => r.Person.PersonId == personId)
            ?? throw new NotFoundException("Join request", $"groups/{Id}/joinRequests/{personId}");
        var remaining = JoinRequests.Where(r => r != request).ToList();
        if (!approve)
        {
            return this with { JoinRequests = remaining, UpdatedAt = at };
        }
        EnsureAcceptsParticipants();
        var person = verifiedNow ?? request.Person;
        if (!person.RepresentsMember)
        {
            throw new RuleViolationException("NOT_A_MEMBER_REPRESENTATIVE", $"persons/{personId}",
                "The person no longer represents an active member organisation; reject the request.");
        }
        return this with { Participants = [.. Participants, NewParticipant(person, GroupRole.Member, at)], JoinRequests = remaining,
            UpdatedAt = at };
    }

    public Group Leave(string personId, DateTimeOffset at)
    {
        var participant = FindParticipant(personId) ?? throw new NotFoundException("Participant", $"groups/{Id}/participants/{personId}");
        return this with { Participants = [.. Participants.Where(p => p != participant)], UpdatedAt = at };
    }

    /// <summary>
    /// The person no longer represents the organisation (appointment withdrawn): they leave, and any pending join request
    /// goes. Their place as representative of another organisation is untouched. Null when nothing changes.
    /// </summary>
    public Group? RemoveRepresentative(string personId, string organisationId, DateTimeOffset at) =>
        RemoveRepresentatives((person, organisation) => person == personId && organisation == organisationId, at);

    /// <summary>The organisation's membership ended: every person representing it leaves. Null when none took part.</summary>
    public Group? RemoveOrganisation(string organisationId, DateTimeOffset at) =>
        RemoveRepresentatives((_, organisation) => organisation == organisationId, at);

    /// <summary>
    /// The person was erased (GDPR article 17): as participant and in a join request they keep their place and roles, named
    /// <paramref name="formerName"/>, without contact details. Null when the group holds no data of theirs (any more).
    /// </summary>
    public Group? ErasePerson(string personId, string formerName, DateTimeOffset at)
    {
        bool Holds(PersonIdentity p) => p.PersonId == personId && (p.DisplayName != formerName || p.Email != "" || p.Phone != "");
        PersonIdentity Erased(PersonIdentity p) => p with { DisplayName = formerName, Email = "", Phone = "" };
        if (!Participants.Any(p => Holds(p.ToIdentity())) && !JoinRequests.Any(r => Holds(r.Person)))
        {
            return null;
        }
        return this with
        {
            Participants = [.. Participants.Select(p => Holds(p.ToIdentity())
                ? p with { DisplayName = formerName, Email = "", Phone = "" }
                : p)],
            JoinRequests = [.. JoinRequests.Select(r => Holds(r.Person) ? r with { Person = Erased(r.Person) } : r)],
            UpdatedAt = at,
        };
    }

    /// <summary>The name and contact details the group holds of the person (to scrub wherever else they went).</summary>
    public IEnumerable<string> ValuesOf(string personId) => Participants.Select(p => p.ToIdentity())
        .Concat(JoinRequests.Select(r => r.Person))
        .Where(p => p.PersonId == personId)
        .SelectMany(p => new[] { p.DisplayName, p.Email, p.Phone });

    private Group? RemoveRepresentatives(Func<string, string, bool> matches, DateTimeOffset at)
    {
        var participants = Participants.Where(p => !(p.RepresentsMember && matches(p.PersonId, p.OrganisationId))).ToList();
        var requests = JoinRequests.Where(r => !matches(r.Person.PersonId, r.Person.OrganisationId)).ToList();
        if (participants.Count == Participants.Count && requests.Count == JoinRequests.Count)
        {
            return null;
        }
        return this with { Participants = participants, JoinRequests = requests, UpdatedAt = at };
    }

    private static Group Start(string networkId, string id, GroupDetails details, GroupState state, Decision decision) => new()
    {
        NetworkId = networkId,
        Id = id,
        Details = details,
        State = state,
        Lifecycle = [new LifecycleStep(null, state, decision.DecidedBy, decision.DecisionReference, decision.Reason, decision.At)],
        CreatedAt = decision.At,
        UpdatedAt = decision.At,
    };

    private Group Transition(GroupState to, Decision decision) => this with
    {
        State = to,
        Lifecycle = [.. Lifecycle, new LifecycleStep(State, to, decision.DecidedBy, decision.DecisionReference, decision.Reason,
            decision.At)],
        UpdatedAt = decision.At,
    };

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new RuleViolationException("GROUP_CLOSED", $"groups/{Id}", $"The group is {State}; it no longer changes.");
        }
    }

    private void EnsureAcceptsParticipants()
    {
        if (State is not (GroupState.Proposed or GroupState.Mandated or GroupState.Active))
        {
            throw new RuleViolationException("GROUP_CLOSED", $"groups/{Id}", $"The group is {State} and takes no new participants.");
        }
    }

    private static Participant NewParticipant(PersonIdentity person, GroupRole role, DateTimeOffset at) =>
        new(person.PersonId, person.OrganisationId, [role], person.RepresentsMember, person.DisplayName, person.OrganisationName,
            person.Email, person.Phone, at);

    private static List<Participant> Replace(List<Participant> participants, Participant old, Participant updated) =>
        [.. participants.Select(p => p == old ? updated : p)];
}

/// <summary>The group after a role assignment, who lost a single-holder role to it, and whether the person is new.</summary>
public sealed record RoleAssignment(Group Group, Participant? Displaced, bool NewParticipant);

public sealed record JoinOutcome(Group Group, bool Joined);
