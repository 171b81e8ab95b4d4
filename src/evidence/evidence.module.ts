import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FILE_STORAGE, FILE_STORAGE_DIR } from './storage/file-storage';
import { LocalDirectoryFileStorage } from './storage/local-file-storage';

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
      // The local directory (default) or an S3-compatible bucket, chosen by FILE_STORAGE_BACKEND. The S3 storage and
      // the AWS SDK it brings are loaded only when chosen: a process keeps every loaded module's code (issue 17, memory).
      provide: FILE_STORAGE,
      useFactory: (config: AppConfig) => {
        if (config.fileStorage.backend !== 's3') return new LocalDirectoryFileStorage(config.fileStorage.dir);
        const { S3FileStorage } =
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          require('./storage/s3-file-storage') as typeof import('./storage/s3-file-storage');
        return new S3FileStorage(config.fileStorage);
      },
      inject: [APP_CONFIG],
    },
  ],
  exports: [EvidenceService],
})
export class EvidenceModule {}
