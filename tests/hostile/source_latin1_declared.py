# -*- coding: latin-1 -*-
# hostile: source in Latin-1 with a PEP 263 coding line is decoded, not refused.
# error: none
# seconds: 10
print('café', len('café'))
