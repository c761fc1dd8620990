namespace AuditAggregator.DocSpace.Tests;
