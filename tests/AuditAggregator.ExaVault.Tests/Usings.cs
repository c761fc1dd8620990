namespace AuditAggregator.ExaVault.Tests;
