using NetworkPlatform.Application.Changes;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Application.Tests;

public class ResourceTests
{
    [Fact]
    public void a_resource_is_named_inside_its_network_and_a_network_by_its_id_alone()
    {
        var notes = new Resource<Note>(new DocumentCollection<Note>("notes", n => n.Id), "test.Note", "notes");
        var networks = new Resource<Note>(new DocumentCollection<Note>("networks", n => n.Id), "test.Network", "");

        Assert.Equal("networks/partnerskap/notes/n-1", notes.NameOf("partnerskap", "n-1"));
        Assert.Equal("networks/partnerskap", networks.NameOf("partnerskap", "partnerskap"));
        Assert.Equal(("test.Network", "networks/norsk-hph"), (networks.NotFound("norsk-hph", "norsk-hph").ResourceType,
            networks.NotFound("norsk-hph", "norsk-hph").Name));
    }
}
