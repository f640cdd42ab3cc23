// Placeholder until the gRPC server runtime lands: the standalone host composes every service here.
Console.WriteLine("Network Platform standalone host: the gRPC server runtime is not wired yet.");
