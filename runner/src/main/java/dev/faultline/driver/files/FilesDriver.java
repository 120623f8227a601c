package dev.faultline.driver.files;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Local files, for experiments that hide a configuration file or check that one exists. Answers to
 * the Python standard-library names Chaos Toolkit experiments call ({@code os.path.exists},
 * {@code os.rename}, ...) and to native {@code files/...} names. A rename is a reversible fault:
 * undo moves the file back.
 */
public final class FilesDriver implements Driver {

    @Override
    public String name() {
        return "files";
    }

    @Override
    public List<DriverFunction> functions() {
        return List.of(
                check("exists", Files::exists, "os.path.exists", "files/exists"),
                check("isfile", Files::isRegularFile, "os.path.isfile", "files/is-file"),
                check("isdir", Files::isDirectory, "os.path.isdir", "files/is-dir"),
                new Rename());
    }

    @Override
    public void undo(UndoSpec undo, UndoContext context) throws Exception {
        if (!undo.action().equals("rename-back")) {
            throw new IllegalArgumentException("unknown files undo [" + undo.action() + "]");
        }
        Path moved = Path.of(undo.arg("dst"));
        Path original = Path.of(undo.arg("src"));
        if (Files.exists(original) && !Files.exists(moved)) {
            return; // already back
        }
        Files.move(moved, original);
    }

    private static DriverFunction check(String what, Predicate<Path> test, String... names) {
        FunctionSpec spec = FunctionSpec.probe(names).required("path", Param.Type.STRING)
                .summary("whether the path " + what.replace("is", "is a ")).build();
        return new DriverFunction() {
            @Override
            public FunctionSpec spec() {
                return spec;
            }

            @Override
            public Object invoke(Invocation call) {
                return test.test(Path.of(call.arguments().string("path")));
            }
        };
    }

    /** {@code os.rename(src, dst)}: moves a file away; undo moves it back. */
    private static final class Rename implements DriverFunction {
        private static final FunctionSpec SPEC = FunctionSpec.action("os.rename", "files/move")
                .required("src", Param.Type.STRING)
                .required("dst", Param.Type.STRING)
                .summary("moves a file; undone by moving it back")
                .build();

        @Override
        public FunctionSpec spec() {
            return SPEC;
        }

        @Override
        public Object invoke(Invocation call) throws Exception {
            Path src = Path.of(call.arguments().string("src")).toAbsolutePath();
            Path dst = Path.of(call.arguments().string("dst")).toAbsolutePath();
            if (!Files.exists(src)) {
                throw new ActivityFailedException("cannot move [" + src + "]: it does not exist");
            }
            if (Files.exists(dst)) {
                throw new ActivityFailedException("cannot move [" + src + "] to [" + dst + "]: the destination exists");
            }
            UndoSpec undo = new UndoSpec("files", "rename-back", Map.of("src", src.toString(), "dst", dst.toString()));
            call.faults().inject(new FaultPlan("files", "file-moved", "file:" + src, "[" + src + "] moved to [" + dst + "]", undo),
                    () -> {
                        try {
                            Files.move(src, dst);
                        } catch (NoSuchFileException e) {
                            throw new ActivityFailedException("cannot move [" + src + "]: it does not exist");
                        }
                    },
                    () -> Files.exists(dst) && !Files.exists(src)
                            ? Evidence.confirmed("[" + src + "] is gone and [" + dst + "] exists", dst.toString())
                            : Evidence.missing("[" + src + "] still exists", src.toString()));
            return null;
        }
    }
}
