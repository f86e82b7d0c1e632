"""Sources: who says so (speakers, outlets, quotes, verification marks) and which events they speak for."""
