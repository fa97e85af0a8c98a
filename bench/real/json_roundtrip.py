# Real workload: JSON encoding and decoding, modelled on pyperformance's bm_json_dumps
# (empty, simple, nested and huge documents dumped many times) and bm_json_loads (a user
# profile dict, a list of ids and a nested dict parsed many times), plus round trips with
# indent and sort_keys checked for equality. Checksums are MD5 digests of the text.

import hashlib
import json

EMPTY = ({}, 20000)
SIMPLE_DATA = {'key1': 0, 'key2': True, 'key3': 'value', 'key4': 'foo',
               'key5': 'string'}
SIMPLE = (SIMPLE_DATA, 10000)
NESTED_DATA = {'key1': 0, 'key2': SIMPLE[0], 'key3': 'value', 'key4': SIMPLE[0],
               'key5': SIMPLE[0], 'key': '\u0105\u0107\u017c'}
NESTED = (NESTED_DATA, 10000)
HUGE = ([NESTED[0]] * 1000, 10)

DUMPS_CASES = [EMPTY, SIMPLE, NESTED, HUGE]

PROFILE = {
    'ads_flags': 0,
    'age': 18,
    'bulletin_count': 0,
    'comment_count': 0,
    'country': 'BR',
    'encrypted_id': 'G9urXXAJwjE',
    'favorite_artists': [
        "Geo'50",
        'Stevie Wonder',
        'Ms. Lauryn Hill',
        'Chico Buarque',
        'Elis Regina',
        'Caetano Veloso',
        'Gilberto Gil',
        'Tom Jobim',
    ],
    'favorite_movies': ['Cidade de Deus', 'Central do Brasil', 'Tropa de Elite'],
    'first_name': 'Jo\u00e3o',
    'gender': 'male',
    'has_picture': True,
    'id': 3831512,
    'is_active': False,
    'last_name': 'da Silva',
    'location': {'city': 'S\u00e3o Paulo', 'lat': -23.5505, 'lon': -46.6333},
    'rating': 4.85,
    'scores': [0.5, 1.25, 2.0, 3.75, 1e-05, 12345.678],
    'tags': None,
}
IDS = [265867233, 265868503, 265252341, 265243910, 265879514, 266219766, 266021701,
       265843726, 265592821, 265246784, 265853180, 45526486, 265463699, 265848143,
       265863062, 265392591, 265877490, 265823665, 265828884, 265753032]
TREE = {'name': 'root', 'children': [
    {'name': 'node%d' % i, 'weight': i * 0.5, 'leaves': list(range(i % 7)),
     'meta': {'depth': 1, 'ok': i % 2 == 0, 'label': None}}
    for i in range(25)]}


def md5(text):
    return hashlib.md5(text.encode('utf-8')).hexdigest()[:12]


def bench_json_dumps(data):
    last = []
    for obj, count in data:
        for _ in range(count):
            text = json.dumps(obj)
        last.append(text)
    return last


def bench_json_loads(objs, count):
    for _ in range(count):
        for obj in objs:
            value = json.loads(obj)
    return value


def round_trips(docs, count):
    total = 0
    for _ in range(count):
        for doc in docs:
            text = json.dumps(doc, indent=2, sort_keys=True)
            back = json.loads(text)
            assert back == doc
            total += len(text)
    return total


dumped = bench_json_dumps(DUMPS_CASES)
print("dumps:", [(len(t), md5(t)) for t in dumped])

texts = [json.dumps(PROFILE), json.dumps(IDS), json.dumps(TREE)]
last = bench_json_loads(texts, 3000)
print("loads:", [(len(t), md5(t)) for t in texts], len(last['children']))

print("round trips:", round_trips([PROFILE, IDS, TREE, NESTED_DATA], 300))
print(json.dumps(PROFILE['location'], sort_keys=True), json.dumps(PROFILE['first_name']),
      json.dumps(PROFILE['first_name'], ensure_ascii=False))
