package org.marrowscope.spark;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.marrowscope.cohort.SlideRow;

/**
 * The summary as a Parquet table, one row per slide, its columns those of {@link SlideRow} in order (so the table
 * and the CSV beside it cannot drift apart). Written into a hidden folder and then moved into place, so a reader
 * sees the previous table or the new one, never a half-written one.
 */
final class SummaryTable {

    private SummaryTable() {
    }

    static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (RecordComponent c : SlideRow.class.getRecordComponents()) {
            fields.add(DataTypes.createStructField(c.getName(), type(c.getType()), !c.getType().isPrimitive()));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(Class<?> t) {
        if (t == String.class) {
            return DataTypes.StringType;
        }
        if (t == int.class || t == Integer.class) {
            return DataTypes.IntegerType;
        }
        if (t == double.class || t == Double.class) {
            return DataTypes.DoubleType;
        }
        if (t == boolean.class || t == Boolean.class) {
            return DataTypes.BooleanType;
        }
        throw new IllegalStateException("no Parquet column type for " + t);
    }

    static void write(SparkSession spark, List<SlideRow> rows, Path target) throws IOException {
        List<Row> data = new ArrayList<>();
        for (SlideRow r : rows) {
            data.add(row(r));
        }
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        Path part = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        spark.createDataFrame(data, schema()).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(part.toString());
        if (Files.exists(target)) {
            Path old = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".old");
            Files.move(target, old);
            Files.move(part, target);
            deleteTree(old);
        } else {
            Files.move(part, target);
        }
    }

    private static Row row(SlideRow r) {
        RecordComponent[] components = SlideRow.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("SlideRow's accessors are public", e);
            }
        }
        return RowFactory.create(values);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
