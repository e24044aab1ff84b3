#!/usr/bin/python3
"""Self-test of the grpcurl stand-in (tests/grpcurl/grpcurl), and proof that
it behaves like the real grpcurl.

Runs an in-process gRPC server with a made-up service, selftest.v1.Echo,
whose types exist nowhere but in this file and reach the client only
through the server's reflection service. That reflection service answers
file_containing_symbol with echo.proto alone, so the client must ask for
its imports (types.proto, google/protobuf/field_mask.proto) by file name;
like the descriptors protoc compiles into aduand, they carry no json_name.
A second server offers Echo without reflection: nothing can call it.

Every check runs against the stand-in and then against every real grpcurl
that find_grpcurls.sh names (GRPCURL, GRPCURLS, grpcurl on PATH): what the
stand-in does differently from a real release fails here.

Usage: /usr/bin/python3 tests/grpcurl/standin_test.py
"""

import importlib.machinery
import importlib.util
import os
import subprocess
import sys
from concurrent import futures

import grpc
from google.protobuf import descriptor_pb2
from google.protobuf import descriptor_pool
from google.protobuf import field_mask_pb2
from google.protobuf import message_factory

HERE = os.path.dirname(os.path.abspath(__file__))
STANDIN = os.path.join(HERE, "grpcurl")
FIND_GRPCURLS = os.path.join(HERE, "find_grpcurls.sh")
FDP = descriptor_pb2.FieldDescriptorProto


def load_standin():
    """The stand-in as a module, for its reflection stubs."""
    sys.dont_write_bytecode = True  # no __pycache__ next to the sources
    loader = importlib.machinery.SourceFileLoader("grpcurl_standin", STANDIN)
    spec = importlib.util.spec_from_loader("grpcurl_standin", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def made_up_files():
    types = descriptor_pb2.FileDescriptorProto(
        name="selftest/v1/types.proto", package="selftest.v1", syntax="proto3",
        dependency=["google/protobuf/field_mask.proto"])
    greeting = types.message_type.add(name="Greeting")
    for name, number, kind, label, type_name in [
            ("text", 1, FDP.TYPE_STRING, FDP.LABEL_OPTIONAL, ""),
            ("count", 2, FDP.TYPE_INT32, FDP.LABEL_OPTIONAL, ""),
            ("tags", 3, FDP.TYPE_STRING, FDP.LABEL_REPEATED, ""),
            ("mood", 4, FDP.TYPE_ENUM, FDP.LABEL_OPTIONAL,
             ".selftest.v1.Greeting.Mood"),
            ("mood_note", 5, FDP.TYPE_STRING, FDP.LABEL_OPTIONAL, ""),
            ("update_mask", 6, FDP.TYPE_MESSAGE, FDP.LABEL_OPTIONAL,
             ".google.protobuf.FieldMask")]:
        field = greeting.field.add(name=name, number=number, type=kind,
                                   label=label)
        if type_name:
            field.type_name = type_name
    mood = greeting.enum_type.add(name="Mood")
    mood.value.add(name="MOOD_UNSPECIFIED", number=0)
    mood.value.add(name="HAPPY", number=1)

    echo = descriptor_pb2.FileDescriptorProto(
        name="selftest/v1/echo.proto", package="selftest.v1", syntax="proto3",
        dependency=["selftest/v1/types.proto"])
    service = echo.service.add(name="Echo")
    service.method.add(name="Say", input_type=".selftest.v1.Greeting",
                       output_type=".selftest.v1.Greeting")
    service.method.add(name="Repeat", input_type=".selftest.v1.Greeting",
                       output_type=".selftest.v1.Greeting",
                       server_streaming=True)
    service.method.add(name="Fail", input_type=".selftest.v1.Greeting",
                       output_type=".selftest.v1.Greeting")
    return types, echo


def field_mask_file():
    proto = descriptor_pb2.FileDescriptorProto()
    field_mask_pb2.DESCRIPTOR.CopyToProto(proto)
    return proto


class EchoServer:
    """Echo, with or without a reflection service that logs what it is asked."""

    def __init__(self, with_reflection):
        self.types, self.echo = made_up_files()
        self.field_mask = field_mask_file()
        pool = descriptor_pool.DescriptorPool()
        pool.Add(self.field_mask)
        pool.Add(self.types)
        pool.Add(self.echo)
        self.greeting = message_factory.MessageFactory(pool).GetPrototype(
            pool.FindMessageTypeByName("selftest.v1.Greeting"))
        self.reflection_log = []  # (kind, value, metadata)
        self.calls = 0
        self.server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
        self.server.add_generic_rpc_handlers([self._echo_handlers()])
        if with_reflection:
            self.server.add_generic_rpc_handlers([self._reflection_handlers()])
        self.port = self.server.add_insecure_port("127.0.0.1:0")
        self.address = "127.0.0.1:%d" % self.port
        self.server.start()

    def stop(self):
        self.server.stop(None)

    def _echo_handlers(self):
        def say(request, context):
            self.calls += 1
            tags = [v for k, v in context.invocation_metadata() if k == "x-echo"]
            tags += ["mask:" + p for p in request.update_mask.paths]
            return self.greeting(text=request.text.upper(),
                                 count=request.count + 1, tags=tags,
                                 mood=request.mood, mood_note=request.mood_note)

        def repeat(request, context):
            self.calls += 1
            for i in range(request.count):
                yield self.greeting(text="%s %d" % (request.text, i + 1))

        def fail(request, context):
            self.calls += 1
            context.abort(grpc.StatusCode.NOT_FOUND, "no such greeting")

        kwargs = dict(request_deserializer=self.greeting.FromString,
                      response_serializer=lambda m: m.SerializeToString())
        return grpc.method_handlers_generic_handler("selftest.v1.Echo", {
            "Say": grpc.unary_unary_rpc_method_handler(say, **kwargs),
            "Repeat": grpc.unary_stream_rpc_method_handler(repeat, **kwargs),
            "Fail": grpc.unary_unary_rpc_method_handler(fail, **kwargs),
        })

    def _reflection_handlers(self):
        pb2, _ = load_standin().reflection_modules()
        files = {f.name: f for f in (self.types, self.echo, self.field_mask)}
        symbols = {"selftest.v1.Echo": self.echo,
                   "selftest.v1.Echo.Say": self.echo,
                   "selftest.v1.Echo.Repeat": self.echo,
                   "selftest.v1.Echo.Fail": self.echo,
                   "selftest.v1.Greeting": self.types,
                   "selftest.v1.Greeting.Mood": self.types,
                   "google.protobuf.FieldMask": self.field_mask}

        def info(requests, context):
            metadata = list(context.invocation_metadata())
            for request in requests:
                kind = request.WhichOneof("message_request")
                value = getattr(request, kind)
                self.reflection_log.append((kind, value, metadata))
                response = pb2.ServerReflectionResponse(original_request=request)
                if kind == "list_services":
                    for name in ("selftest.v1.Echo",
                                 "grpc.reflection.v1alpha.ServerReflection"):
                        response.list_services_response.service.add(name=name)
                elif kind in ("file_containing_symbol", "file_by_filename"):
                    found = (symbols if kind == "file_containing_symbol"
                             else files).get(value)
                    if found is None:
                        response.error_response.error_code = \
                            grpc.StatusCode.NOT_FOUND.value[0]
                        response.error_response.error_message = "not found"
                    else:
                        # Only the file itself, never its imports.
                        response.file_descriptor_response.file_descriptor_proto \
                            .append(found.SerializeToString())
                else:
                    response.error_response.error_code = \
                        grpc.StatusCode.UNIMPLEMENTED.value[0]
                yield response

        return grpc.method_handlers_generic_handler(
            "grpc.reflection.v1alpha.ServerReflection", {
                "ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
                    info,
                    request_deserializer=pb2.ServerReflectionRequest.FromString,
                    response_serializer=lambda m: m.SerializeToString()),
            })


failures = []


def run(program, *args, stdin=None):
    result = subprocess.run([program, *args], input=stdin,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, timeout=60)
    return result.returncode, result.stdout, result.stderr


def check(what, condition, details=""):
    if condition:
        print("ok   " + what)
    else:
        print("FAIL " + what + (": " + details if details else ""))
        failures.append(what)


def real_grpcurls():
    """The real grpcurl programs to compare the stand-in with."""
    found = subprocess.run([FIND_GRPCURLS], stdout=subprocess.PIPE,
                           text=True, check=True).stdout.split()
    return [p for p in found if os.path.realpath(p) != os.path.realpath(STANDIN)]


def check_program(program, server, bare):
    """Every check, against one grpcurl (the stand-in or a real one)."""
    name = os.path.basename(program)
    addr = server.address

    def grpcurl(*args, stdin=None):
        return run(program, *args, stdin=stdin)

    def say(body, *flags):
        return grpcurl("-plaintext", *flags, "-d", body, addr,
                       "selftest.v1.Echo/Say")

    def check_as(what, condition, details=""):
        check("%s: %s" % (name, what), condition, details)

    status, out, err = grpcurl("-plaintext", addr, "list")
    check_as("list: sorted services", status == 0 and out ==
             "grpc.reflection.v1alpha.ServerReflection\nselftest.v1.Echo\n",
             repr((status, out, err)))

    status, out, err = grpcurl("-plaintext", addr, "list", "selftest.v1.Echo")
    check_as("list SERVICE: its methods, sorted", status == 0 and out ==
             "selftest.v1.Echo.Fail\nselftest.v1.Echo.Repeat\nselftest.v1.Echo.Say\n",
             repr((status, out, err)))

    status, out, err = grpcurl("-plaintext", addr, "describe",
                               "selftest.v1.Greeting")
    check_as("describe a message", status == 0 and out.startswith(
        "selftest.v1.Greeting is a message:\nmessage Greeting {\n")
        and "  repeated string tags = 3;\n" in out
        and "  .selftest.v1.Greeting.Mood mood = 4;\n" in out
        and "  string mood_note = 5;\n" in out
        and "  enum Mood {\n    MOOD_UNSPECIFIED = 0;\n" in out,
        repr((status, out, err)))

    status, out, err = grpcurl("-plaintext", addr, "describe",
                               "selftest.v1.Echo.Repeat")
    check_as("describe a method", status == 0 and out ==
             "selftest.v1.Echo.Repeat is a method:\nrpc Repeat ( "
             ".selftest.v1.Greeting ) returns ( stream .selftest.v1.Greeting );\n",
             repr((status, out, err)))

    del server.reflection_log[:]
    status, out, err = grpcurl(
        "-plaintext", "-H", "x-echo: satu", "-H", "X-Echo:dua", "-d",
        '{"text": "hai \\"kamu\\"", "count": 2, "mood": "HAPPY", '
        '"mood_note": "senang"}', addr, "selftest.v1.Echo/Say")
    check_as("call: answer as JSON with the protos' names, two-space indent",
             status == 0 and out == '{\n  "text": "HAI \\"KAMU\\"",\n  '
             '"count": 3,\n  "tags": [\n    "satu",\n    "dua"\n  ],\n  '
             '"mood": "HAPPY",\n  "mood_note": "senang"\n}\n',
             repr((status, out, err)))
    check_as("call: -H headers also go with the reflection requests",
             server.reflection_log and
             all([v for k, v in m if k == "x-echo"] == ["satu", "dua"]
                 for _, _, m in server.reflection_log),
             repr(server.reflection_log))
    if program == STANDIN:
        asked = [(kind, value) for kind, value, _ in server.reflection_log]
        check_as("call: descriptors through reflection, imports by file name",
                 asked == [("file_containing_symbol", "selftest.v1.Echo"),
                           ("file_by_filename", "selftest/v1/types.proto"),
                           ("file_by_filename",
                            "google/protobuf/field_mask.proto")],
                 repr(asked))

    status, out, err = say('{"moodNote": "camel", "count": 1}')
    check_as("lowerCamelCase on input too", status == 0 and out ==
             '{\n  "count": 2,\n  "mood_note": "camel"\n}\n',
             repr((status, out, err)))

    calls = server.calls
    status, out, err = say('{"text": "a", "volume": 11}')
    check_as("unknown field: exit 1, named as grpcurl names it, nothing called",
             status == 1 and out == "" and err ==
             'Error invoking method "selftest.v1.Echo/Say": error getting '
             'request data: message type selftest.v1.Greeting has no known '
             'field named volume\n' and server.calls == calls,
             repr((status, out, err)))

    status, out, err = say('{"update_mask": "text,moodNote"}')
    check_as("a field mask's string form is refused, nothing called",
             status == 1 and out == "" and err ==
             'Error invoking method "selftest.v1.Echo/Say": error getting '
             'request data: bad input: expecting start of JSON object: \'{\' '
             '; instead got text,moodNote\n' and server.calls == calls,
             repr((status, out, err)))
    status, out, err = say(
        '{"update_mask": {"paths": ["text", "mood_note", "a.b_c"]}}')
    check_as("a field mask as {paths: [...]}: the paths as they are",
             status == 0 and out == '{\n  "count": 1,\n  "tags": [\n    '
             '"mask:text",\n    "mask:mood_note",\n    "mask:a.b_c"\n  ]\n}\n',
             repr((status, out, err)))

    calls = server.calls
    status, out, err = say('{"text": 5}')
    check_as("wrong type: exit 1, nothing called", status == 1 and out == ""
             and err.startswith('Error invoking method "selftest.v1.Echo/Say": '
                                'error getting request data: ')
             and server.calls == calls, repr((status, out, err)))

    status, out, err = say('{"text": "a"} {"text": "b"}')
    check_as("two messages to a unary method: exit 1, nothing called",
             status == 1 and err == 'Error invoking method '
             '"selftest.v1.Echo/Say": method "selftest.v1.Echo.Say" is a unary '
             'RPC, but request data contained more than 1 message\n'
             and server.calls == calls, repr((status, out, err)))

    status, out, err = grpcurl("-plaintext", "-d", "@", addr,
                               "selftest.v1.Echo.Say", stdin='{"textColor": 1}')
    check_as("-d @ reads stdin; SERVICE.METHOD", status == 1 and
             "textColor" in err, repr((status, out, err)))
    status, out, err = grpcurl("-plaintext", "-d", "@", addr,
                               "selftest.v1.Echo.Say", stdin='{"text": "x"}')
    check_as("-d @ with a good body", status == 0 and out ==
             '{\n  "text": "X",\n  "count": 1\n}\n', repr((status, out, err)))

    status, out, err = grpcurl("-plaintext", addr, "selftest.v1.Echo/Say")
    check_as("no -d: an empty request", status == 0 and out ==
             '{\n  "count": 1\n}\n', repr((status, out, err)))
    status, out, err = grpcurl("-plaintext", "-emit-defaults", addr,
                               "selftest.v1.Echo/Say")
    # (1.8.7 prints an empty list as "[\n    \n  ]".)
    check_as("-emit-defaults: zero values too, an unset message null",
             status == 0 and out.replace("[\n    \n  ]", "[]") ==
             '{\n  "text": "",\n  "count": 1,\n  "tags": [],\n  "mood": '
             '"MOOD_UNSPECIFIED",\n  "mood_note": "",\n  "update_mask": null\n}\n',
             repr((status, out, err)))

    status, out, err = grpcurl("-plaintext", "-d",
                               '{"text": "baris", "count": 3}', addr,
                               "selftest.v1.Echo/Repeat")
    check_as("server streaming: one JSON object per message", status == 0 and
             out == "".join('{\n  "text": "baris %d"\n}\n' % i
                            for i in (1, 2, 3)), repr((status, out, err)))

    status, out, err = grpcurl("-plaintext", addr, "selftest.v1.Echo/Fail")
    check_as("error: grpcurl's format, exit 64 + code", status == 69 and
             out == "" and err ==
             "ERROR:\n  Code: NotFound\n  Message: no such greeting\n",
             repr((status, out, err)))

    status, out, err = grpcurl("-plaintext", addr, "selftest.v1.Nope/Say")
    check_as("unknown service: exit 1", status == 1 and
             'does not expose service "selftest.v1.Nope"' in err,
             repr((status, out, err)))
    status, out, err = grpcurl("-plaintext", addr, "selftest.v1.Echo/Shout")
    check_as("unknown method: exit 1", status == 1 and
             'does not include a method named "Shout"' in err,
             repr((status, out, err)))

    calls = bare.calls
    status, out, err = grpcurl("-plaintext", "-d", '{"text": "a"}',
                               bare.address, "selftest.v1.Echo/Say")
    check_as("no reflection service: no descriptors, no call",
             status == 1 and bare.calls == calls, repr((status, out, err)))

    for args, what in [((), "no arguments"),
                       (("-plaintext",), "no address"),
                       (("-plaintext", addr), "no method"),
                       (("-bogus", addr, "list"), "unknown flag"),
                       (("-plaintext", addr, "list", "a", "b"), "too many"),
                       (("-plaintext", "-cert", "/dev/null", "-key",
                         "/dev/null", addr, "list"), "-plaintext with -cert")]:
        status, out, err = grpcurl(*args)
        check_as("usage error (%s): exit 2" % what, status == 2,
                 repr((status, out, err)))
    status, out, err = grpcurl("-plaintext", "-cacert", "/dev/null", addr,
                               "list")
    check_as("-plaintext ignores -cacert", status == 0 and out ==
             "grpc.reflection.v1alpha.ServerReflection\nselftest.v1.Echo\n",
             repr((status, out, err)))

    status, out, err = grpcurl("-plaintext", "127.0.0.1:1", "list")
    check_as("cannot connect: exit 1", status == 1 and
             "Failed to dial target host" in err, repr((status, out, err)))


def main():
    server = EchoServer(with_reflection=True)
    bare = EchoServer(with_reflection=False)
    programs = [STANDIN] + real_grpcurls()
    try:
        for program in programs:
            check_program(program, server, bare)
    finally:
        server.stop()
        bare.stop()

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("grpcurl stand-in: all checks passed, compared with %s"
          % (", ".join(programs[1:]) or "no real grpcurl (none found)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
