namespace AuditAggregator.Simulators.Tests;
