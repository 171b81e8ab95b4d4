import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FILE_STORAGE, FILE_STORAGE_DIR } from './storage/file-storage';
import { LocalDirectoryFileStorage } from './storage/local-file-storage';
import { S3FileStorage } from './storage/s3-file-storage';

/**
 * The shared case file: attachments of a dispute, by complaint id. The FileStreamInterceptor on the upload
 * route makes the FastifyAdapter register @fastify/multipart at start-up (its default `multipart` mode); the
 * JSON body limit of every other route is unchanged.
 */
@Module({
  imports: [ComplaintsModule],
  controllers: [EvidenceController],
  providers: [
    EvidenceService,
    EvidenceRepository,
    {
      provide: FILE_STORAGE_DIR,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => config.fileStorage.dir,
    },
    {
      // The local directory (default) or an S3-compatible bucket, chosen by FILE_STORAGE_BACKEND.
      provide: FILE_STORAGE,
      useFactory: (config: AppConfig) =>
        config.fileStorage.backend === 's3'
          ? new S3FileStorage(config.fileStorage)
          : new LocalDirectoryFileStorage(config.fileStorage.dir),
      inject: [APP_CONFIG],
    },
  ],
  exports: [EvidenceService],
})
export class EvidenceModule {}
