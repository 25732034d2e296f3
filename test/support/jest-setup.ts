// Integration tests boot the real app against real services: give them time.
jest.setTimeout(60_000);
