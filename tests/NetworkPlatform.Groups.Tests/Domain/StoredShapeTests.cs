using NetworkPlatform.Events;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkPlatform.Groups.Domain;

namespace NetworkPlatform.Groups.Tests.Domain;

/// <summary>
/// The aggregates guard their state (private init), yet read the documents stored before that change and write the same
/// shape: the JSON below is what the positional records of the earlier release stored (camelCase, as the store writes).
/// </summary>
public class StoredShapeTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string StoredGroup = """
        {
          "networkId": "net",
          "id": "wg",
          "details": {
            "displayName": "AG",
            "description": "",
            "kind": "WorkingGroup",
            "scope": "National",
            "joinPolicy": "Open",
            "startDate": "2026-01-01",
            "endDate": "2026-12-31",
            "contactEmail": ""
          },
          "state": "Mandated",
          "mandates": [
            {
              "version": 1,
              "terms": {
                "purpose": "P",
                "scope": "S",
                "tasks": [
                  "T"
                ],
                "deliverables": [],
                "reportingDuties": [],
                "startDate": null,
                "endDate": "2026-12-31",
                "approvedByGroupId": "pm",
                "decisionReference": "Ref"
              },
              "recordedBy": "sec",
              "approvedAt": "2026-03-12T09:00:00+00:00"
            }
          ],
          "participants": [
            {
              "personId": "per",
              "organisationId": "org",
              "roles": [
                "Leader"
              ],
              "representsMember": true,
              "displayName": "Name",
              "organisationName": "Org",
              "email": "e@x.no",
              "phone": "1",
              "joinedAt": "2026-03-12T09:00:00+00:00"
            }
          ],
          "joinRequests": [],
          "lifecycle": [
            {
              "from": null,
              "to": "Proposed",
              "decidedBy": "sec",
              "decisionReference": "",
              "reason": "",
              "at": "2026-03-12T09:00:00+00:00"
            },
            {
              "from": "Proposed",
              "to": "Mandated",
              "decidedBy": "sec",
              "decisionReference": "Ref",
              "reason": "",
              "at": "2026-03-12T09:00:00+00:00"
            }
          ],
          "createdAt": "2026-03-12T09:00:00+00:00",
          "updatedAt": "2026-03-12T09:00:00+00:00"
        }
        """;

    private const string StoredMeasure = """
        {
          "networkId": "net",
          "id": "m1",
          "year": 2026,
          "title": "T",
          "description": "",
          "parentMeasureId": null,
          "groupId": "wg",
          "status": "NotStarted",
          "milestones": [
            {
              "id": "ms",
              "title": "M",
              "dueDate": "2026-02-01",
              "reachedAt": null,
              "reachedBy": null
            }
          ],
          "createdAt": "2026-03-12T09:00:00+00:00",
          "updatedAt": "2026-03-12T09:00:00+00:00"
        }
        """;

    private const string StoredWheel = """
        {
          "networkId": "net",
          "groupId": "wg",
          "year": 2026,
          "activities": [
            {
              "id": "a",
              "month": 1,
              "title": "A",
              "description": "",
              "measureIds": [
                "m1"
              ],
              "meetingId": null
            }
          ],
          "updatedAt": "2026-03-12T09:00:00+00:00"
        }
        """;

    private const string StoredPolicy = """
        {
          "networkId": "net",
          "measuresPerGroup": 2,
          "groupKinds": [
            "WorkingGroup",
            "ThematicGroup",
            "TaskForce"
          ]
        }
        """;

    private static T RoundTrip<T>(string stored)
    {
        var document = JsonSerializer.Deserialize<T>(stored, Json)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored), JsonSerializer.SerializeToNode(document, Json)),
            $"{typeof(T).Name} is no longer stored as it was: {JsonSerializer.Serialize(document, Json)}");
        return document;
    }

    [Theory]
    [InlineData("Planned", MeasureStatus.NotStarted)]
    [InlineData("InProgress", MeasureStatus.OnTrack)]
    [InlineData("Completed", MeasureStatus.Done)]
    [InlineData("Postponed", MeasureStatus.Late)]
    [InlineData("Cancelled", MeasureStatus.Cancelled)]
    public void a_measure_stored_before_the_one_status_vocabulary_reads_in_it(string stored, MeasureStatus expected)
    {
        var measure = JsonSerializer.Deserialize<Measure>(StoredMeasure.Replace("\"NotStarted\"", $"\"{stored}\""), Json)!;

        Assert.Equal(expected, measure.Status);
        Assert.Contains($"\"status\":\"{expected}\"", JsonSerializer.Serialize(measure, Json));
    }

    [Fact]
    public void a_stored_group_reads_with_its_state_and_is_written_back_unchanged()
    {
        var group = RoundTrip<Group>(StoredGroup);

        Assert.Equal((GroupState.Mandated, "per", 1), (group.State, group.Leader!.PersonId, group.CurrentMandate!.Version));
        Assert.Equal(new DateOnly(2026, 12, 31), group.Details.EndDate);
    }

    [Fact]
    public void stored_measures_wheels_and_policies_read_and_are_written_back_unchanged()
    {
        var measure = RoundTrip<Measure>(StoredMeasure);
        var wheel = RoundTrip<AnnualWheel>(StoredWheel);
        var policy = RoundTrip<MeasurePolicy>(StoredPolicy);

        Assert.Equal(("wg", "ms"), (measure.GroupId, measure.Milestones[0].Id));
        Assert.Equal(["m1"], wheel.Activities[0].MeasureIds);
        Assert.Equal([GroupKind.WorkingGroup, GroupKind.ThematicGroup, GroupKind.TaskForce], policy.GroupKinds);
    }
}
