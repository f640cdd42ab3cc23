Console.WriteLine("Reporting service: the host is wired once the gRPC server runtime lands.");
