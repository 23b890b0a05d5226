"""The password hasher: Argon2id at OWASP's recommended minimum.

OWASP's Password Storage Cheat Sheet puts Argon2id first, with a minimum of
19 MiB of memory, 2 iterations and 1 degree of parallelism (m=19456 KiB, t=2,
p=1). Django's own Argon2 hasher asks for more (m=100 MiB, t=2, p=8): on a
2-core server that is about 0.35 s of CPU per check against 0.045 s here, so
at the entry deadline signing people in would take whole cores (see README,
"Passwords"). Memory-hardness is what makes a stolen hash expensive to guess on
GPUs and ASICs; 19 MiB per guess already is, at a cost a sign-in can afford.

Hashes made with other parameters (Django's Argon2 defaults) or other
algorithms (PBKDF2 before this hasher) still verify, and are rehashed with
these parameters the next time their owner signs in.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    # algorithm stays "argon2": stored hashes read "argon2$argon2id$v=19$m=19456,t=2,p=1$..."
    time_cost = 2
    memory_cost = 19 * 1024  # KiB: 19 MiB
    parallelism = 1
