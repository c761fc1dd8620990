global using AuditAggregator.Simulators;
global using AuditAggregator.Testing;
global using NodaTime;
global using Xunit.Abstractions;
